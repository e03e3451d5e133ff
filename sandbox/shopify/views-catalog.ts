// Resolver views for the shop, products, variants, locations and inventory.
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { availableAt, totalAvailable, variantByInventoryItem } from "./catalog";
import { listMatches, paginate, paginateIds, paginateRecords, type Matches, type PageArgs } from "./connection";
import { PLANS } from "./config";
import { gid, money, parseGid } from "./ids";
import type { GqlContext, View } from "./gql-context";
import { checkSearchFields } from "./search-fields";
import { parseSearch } from "./search-query";
import { shopIndex } from "./shop-index";
import type { LocationRec, ProductRec, ShopRec, VariantRec } from "./state";

const count = (n: number) => ({ count: n, precision: "EXACT" });

export function shopView(shop: ShopRec): View {
  const plan = PLANS[shop.plan] ?? PLANS.basic!;
  return {
    __typename: "Shop", id: gid("Shop", shop.id), name: shop.name, email: shop.email, contactEmail: shop.email, myshopifyDomain: shop.domain,
    currencyCode: shop.currency, ianaTimezone: shop.ianaTimezone, timezoneAbbreviation: shortZone(shop.ianaTimezone), url: `https://${shop.domain}`,
    primaryDomain: { __typename: "Domain", id: gid("Domain", shop.id), host: shop.domain, url: `https://${shop.domain}`, sslEnabled: true },
    plan: { displayName: plan.displayName, publicDisplayName: plan.displayName, partnerDevelopment: plan.development, shopifyPlus: plan.plus },
    enabledPresentmentCurrencies: [shop.currency], createdAt: shop.createdAt,
  };
}

function shortZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value ?? "UTC";
  } catch {
    return "UTC";
  }
}

export function locationView(shop: ShopRec, l: LocationRec): View {
  return {
    __typename: "Location", id: gid("Location", l.id), legacyResourceId: String(l.id), name: l.name, isActive: true, isPrimary: l.isPrimary,
    fulfillsOnlineOrders: true, shipsInventory: true, hasActiveInventory: true, isFulfillmentService: false, activatable: false,
    deactivatable: !l.isPrimary, deletable: false, addressVerified: true, createdAt: l.createdAt, updatedAt: l.createdAt, deactivatedAt: null,
    address: { address1: null, address2: null, city: l.city, countryCode: l.countryCode, country: l.countryCode, province: null, provinceCode: null, zip: null, phone: null, formatted: [l.city, l.countryCode] },
    inventoryLevel: (args: { inventoryItemId: string }) => {
      const item = parseGid(args.inventoryItemId, "InventoryItem");
      return item && shop.levels[item.id]?.[l.id] !== undefined ? inventoryLevelView(shop, item.id, l.id) : null;
    },
    inventoryLevels: (args: PageArgs & { query?: string | null; includeInactive?: boolean | null }, g: GqlContext, info: GraphQLResolveInfo) => {
      // Inventory levels page by inventory item id at this location, from the location's index.
      const query = checkSearchFields({ query: parseSearch(args.query), raw: args.query, implemented: ["inventory_item_id"], info, g });
      const levels = shopIndex(shop).levelsByLocation.get(l.id);
      const wanted = query.length ? new Set(query.flatMap((group) => group.filter((t) => t.op === "=" && !t.negate).map((t) => Number(t.value)))) : null;
      if (wanted && query.some((group) => group.some((t) => t.op !== "=" || t.negate || t.prefix || t.field === null))) {
        throw new GraphQLError("Location.inventoryLevels in the sandbox filters by inventory_item_id:<id> terms only.", { extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX" } });
      }
      const matches: Matches = wanted
        ? listMatches([...wanted].filter((i) => levels?.has(i)).sort((a, b) => a - b).map((i) => ({ v: i, id: i })))
        : (bounds) => levels?.segments(bounds) ?? [];
      return paginate({ matches, args, valueOf: (i) => (levels?.has(i) ? i : undefined), load: (i) => inventoryLevelView(shop, i, l.id), unbounded: g.bulk });
    },
  };
}

export function inventoryLevelView(shop: ShopRec, itemId: number, locationId: number): View {
  const location = shop.locations.find((l) => l.id === locationId)!;
  const available = availableAt(shop, itemId, locationId);
  return {
    __typename: "InventoryLevel", id: gid("InventoryLevel", locationId, `inventory_item_id=${itemId}`), isActive: true, canDeactivate: false,
    deactivationAlert: null, createdAt: location.createdAt, updatedAt: location.createdAt,
    location: () => locationView(shop, location),
    item: () => inventoryItemView(shop, itemId),
    quantities: (args: { names: string[] }) => args.names.map((name) => {
      // The sandbox tracks "available"; on_hand equals it (nothing committed or reserved separately).
      const known = ["available", "on_hand", "committed", "reserved", "incoming", "damaged", "quality_control", "safety_stock"];
      if (!known.includes(name)) throw new GraphQLError(`The quantity name '${name}' is not valid.`, { extensions: { code: "BAD_REQUEST" } });
      const quantity = name === "available" || name === "on_hand" ? available : 0;
      return { __typename: "InventoryQuantity", id: gid("InventoryQuantity", locationId, `inventory_item_id=${itemId}&name=${name}`), name, quantity, updatedAt: null };
    }),
  };
}

export function inventoryItemView(shop: ShopRec, itemId: number): View | null {
  const v = variantByInventoryItem(shop, itemId);
  if (!v) return null;
  const locations = () => Object.keys(shop.levels[itemId] ?? {}).map(Number);
  return {
    __typename: "InventoryItem", id: gid("InventoryItem", itemId), legacyResourceId: String(itemId), sku: v.sku, tracked: true, requiresShipping: true,
    createdAt: v.createdAt, updatedAt: v.updatedAt, countryCodeOfOrigin: null, harmonizedSystemCode: null, provinceCodeOfOrigin: null, inventoryHistoryUrl: null,
    duplicateSkuCount: 0, locationsCount: () => count(locations().length),
    variant: () => variantView(shop, v),
    inventoryLevel: (args: { locationId: string }) => {
      const loc = parseGid(args.locationId, "Location");
      return loc && shop.levels[itemId]?.[loc.id] !== undefined ? inventoryLevelView(shop, itemId, loc.id) : null;
    },
    inventoryLevels: (args: PageArgs, g: GqlContext) =>
      paginateIds({ ids: locations(), args, load: (l) => inventoryLevelView(shop, itemId, l), unbounded: g.bulk }),
  };
}

export function variantView(shop: ShopRec, v: VariantRec): View {
  const product = shop.products[v.productId]!;
  const image = product.images[0];
  return {
    __typename: "ProductVariant", id: gid("ProductVariant", v.id), legacyResourceId: String(v.id), title: v.title, displayName: `${product.title} - ${v.title}`,
    sku: v.sku, barcode: v.barcode, price: money(Number(v.price)), compareAtPrice: v.compareAtPrice === null ? null : money(Number(v.compareAtPrice)),
    inventoryQuantity: () => totalAvailable(shop, v.inventoryItemId), sellableOnlineQuantity: () => totalAvailable(shop, v.inventoryItemId),
    availableForSale: () => product.status === "ACTIVE" && (v.inventoryPolicy === "CONTINUE" || totalAvailable(shop, v.inventoryItemId) > 0),
    inventoryPolicy: v.inventoryPolicy, position: v.position, taxable: true, createdAt: v.createdAt, updatedAt: v.updatedAt, defaultCursor: "",
    selectedOptions: v.selectedOptions.map((o) => ({ name: o.name, value: o.value })),
    product: () => productView(shop, product),
    inventoryItem: () => inventoryItemView(shop, v.inventoryItemId),
    image: image ? imageView(image) : null,
  };
}

function imageView(img: ProductRec["images"][number]) {
  return { __typename: "Image", id: gid("ProductImage", img.id), url: img.url, src: img.url, originalSrc: img.url, transformedSrc: img.url, altText: img.altText, width: null, height: null };
}

function mediaView(img: ProductRec["images"][number]) {
  return { __typename: "MediaImage", id: gid("MediaImage", img.id), alt: img.altText, mediaContentType: "IMAGE", status: "READY", image: imageView(img), mediaErrors: [], mediaWarnings: [], preview: { image: imageView(img), status: "READY" } };
}

export function productView(shop: ShopRec, p: ProductRec): View {
  const variants = () => p.variantIds.map((id) => shop.variants[id]!);
  return {
    __typename: "Product", id: gid("Product", p.id), legacyResourceId: String(p.id), title: p.title, handle: p.handle, descriptionHtml: p.descriptionHtml,
    description: p.descriptionHtml.replace(/<[^>]*>/g, ""), status: p.status, vendor: p.vendor, productType: p.productType, tags: p.tags,
    createdAt: p.createdAt, updatedAt: p.updatedAt, publishedAt: p.status === "ACTIVE" ? p.createdAt : null, onlineStoreUrl: null, isGiftCard: false,
    hasOnlyDefaultVariant: p.variantIds.length === 1 && shop.variants[p.variantIds[0]!]?.title === "Default Title",
    totalInventory: () => variants().reduce((n, v) => n + totalAvailable(shop, v.inventoryItemId), 0),
    hasOutOfStockVariants: () => variants().some((v) => totalAvailable(shop, v.inventoryItemId) <= 0),
    tracksInventory: true, totalVariants: p.variantIds.length, variantsCount: count(p.variantIds.length), mediaCount: count(p.images.length),
    options: (args: { first?: number }) => p.options.slice(0, args.first ?? undefined).map((o, i) => ({
      __typename: "ProductOption", id: gid("ProductOption", p.id * 10 + i), name: o.name, position: i + 1, values: o.values,
      optionValues: o.values.map((value, j) => ({ id: gid("ProductOptionValue", p.id * 1000 + i * 100 + j), name: value, hasVariants: true })),
    })),
    variants: (args: PageArgs, g: GqlContext) => paginateIds({ ids: p.variantIds, args, load: (id) => variantView(shop, shop.variants[id]!), unbounded: g.bulk }),
    images: (args: PageArgs, g: GqlContext) => paginateRecords(p.images, args, imageView, g.bulk),
    media: (args: PageArgs, g: GqlContext) => paginateRecords(p.images, args, mediaView, g.bulk),
    featuredImage: p.images[0] ? imageView(p.images[0]) : null,
    featuredMedia: p.images[0] ? mediaView(p.images[0]) : null,
  };
}
