import { describe, expect, it } from "vitest";
import { initialSelection, pairableStores, selectableShops, selectionRequest, toggleShop } from "./shop-picker-selection";

const shop = (shopId: string, connectedConnectionId: string | null = null) => ({
  shopId,
  name: `Shop ${shopId}`,
  region: "US",
  sellerType: "LOCAL" as const,
  connectedConnectionId,
});

describe("pairableStores", () => {
  it("keeps connected Shopify stores only", () => {
    const stores = [
      { id: "a", name: "A", status: "DISCONNECTED" as const },
      { id: "b", name: "B", status: "ACTIVE" as const },
      { id: "c", name: "C", status: "NEEDS_REAUTH" as const },
      { id: "d", name: "D", status: "ACTIVE" as const },
    ];
    expect(pairableStores(stores).map((s) => s.id)).toEqual(["b", "d"]);
  });
});

describe("initialSelection", () => {
  it.each([
    ["one selectable shop is checked", [shop("1")], "s1", { "1": "s1" }],
    ["one selectable among connected ones", [shop("1", "c1"), shop("2")], "s1", { "2": "s1" }],
    ["several shops start unchecked", [shop("1"), shop("2")], "s1", {}],
    ["nothing without a Shopify store", [shop("1")], null, {}],
    ["nothing when all are connected", [shop("1", "c1")], "s1", {}],
  ])("%s", (_name, shops, defaultStoreId, expected) => {
    expect(initialSelection({ shops, defaultStoreId })).toEqual(expected);
  });
});

describe("toggleShop and selectionRequest", () => {
  it("checks, re-pairs and unchecks shops, and builds the request in list order", () => {
    const shops = [shop("1"), shop("2"), shop("3", "c3")];
    let selection = toggleShop({ selection: {}, shopId: "1", storeId: "s1" });
    selection = toggleShop({ selection, shopId: "2", storeId: "s1" });
    selection = toggleShop({ selection, shopId: "1", storeId: "s2" });
    expect(selectionRequest({ selection, shops })).toEqual([
      { shopId: "1", shopifyConnectionId: "s2" },
      { shopId: "2", shopifyConnectionId: "s1" },
    ]);
    selection = toggleShop({ selection, shopId: "2", storeId: null });
    expect(selectionRequest({ selection, shops })).toEqual([{ shopId: "1", shopifyConnectionId: "s2" }]);
    // A shop that is already connected is never sent, even if a stale selection names it.
    expect(selectionRequest({ selection: { "3": "s1" }, shops })).toEqual([]);
  });

  it("lists only unconnected shops as selectable", () => {
    expect(selectableShops([shop("1", "c1"), shop("2")]).map((s) => s.shopId)).toEqual(["2"]);
  });
});
