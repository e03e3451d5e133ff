import type { Route } from "./api";
import { fail, ok } from "./envelope";
import { providersFor } from "./regions";
import type { Shop } from "./state";

// One seller-shipping delivery option per warehouse; its id is derived from the warehouse id so it is stable.
export function deliveryOptionId(warehouseId: string): string {
  return `7${warehouseId.slice(1)}`;
}

function warehouseOf(shop: Shop, deliveryOptionIdValue: string) {
  return shop.warehouses.find((w) => deliveryOptionId(w.id) === deliveryOptionIdValue);
}

export const logisticsRoutes: Route[] = [
  {
    method: "GET", path: "/logistics/202309/warehouses",
    handler: ({ shop }) => ok({
      warehouses: shop!.warehouses.map((w) => ({
        id: w.id, entity_id: w.id, name: w.name, effect_status: w.effect_status, type: w.type, sub_type: w.sub_type, is_default: w.is_default,
        address: { region: shop!.region, region_code: shop!.region, full_address: `${w.name}, ${shop!.region}`, contact_person: shop!.name },
      })),
    }),
  },
  {
    method: "GET", path: "/logistics/202309/warehouses/{warehouse_id}/delivery_options",
    handler: (call) => {
      const shop = call.shop!;
      const w = shop.warehouses.find((x) => x.id === call.params.warehouse_id);
      if (!w) return fail(36009004, "Invalid warehouse_id: the warehouse does not belong to this shop.");
      return ok({
        delivery_options: [{
          id: deliveryOptionId(w.id), name: "Standard Shipping", type: "STANDARD", description: "Shipped by seller",
          dimension_limit: { max_height: 100, max_length: 100, max_width: 100, unit: shop.region === "US" ? "INCH" : "CM" },
          weight_limit: { max_weight: 30000, min_weight: 1, unit: "GRAM" }, platform: ["TIKTOK_SHOP"],
        }],
      });
    },
  },
  {
    method: "GET", path: "/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers",
    handler: (call) => {
      const shop = call.shop!;
      if (!warehouseOf(shop, call.params.delivery_option_id!)) return fail(21008116, "No Subscription without specified delivery option.");
      return ok({ shipping_providers: providersFor(shop.region) });
    },
  },
];
