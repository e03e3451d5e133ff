import { describe, expect, it } from "vitest";
import { carrierKey, matchProviderByName, normalizeCarrierName } from "./carrier-names";

// The sandbox's US and GB lists, as Get Shipping Providers returns them.
const US = [
  { id: "1", name: "USPS" },
  { id: "2", name: "UPS" },
  { id: "3", name: "FedEx" },
  { id: "4", name: "DHL eCommerce" },
  { id: "5", name: "OnTrac" },
];
const GB = [
  { id: "11", name: "Royal Mail" },
  { id: "12", name: "DPD" },
  { id: "13", name: "Evri" },
  { id: "14", name: "DHL" },
];

describe("carrier names", () => {
  it.each([
    ["DHL eCommerce", "dhlecommerce"],
    [" Fed-Ex ", "fedex"],
    ["Royal   Mail", "royalmail"],
    ["Colissimo (La Poste)", "colissimolaposte"],
    ["Correos España", "correosespana"],
    ["", ""],
  ])("normalizes %j to %j", (name, normalized) => expect(normalizeCarrierName(name)).toBe(normalized));

  it.each([
    ["UPS", US, "2"],
    ["ups", US, "2"],
    ["United Parcel Service", US, "2"],
    ["United States Postal Service", US, "1"],
    ["usps", US, "1"],
    ["FedEx", US, "3"],
    ["Federal Express", US, "3"],
    ["FedEx Ground", US, "3"],
    ["DHL eCommerce", US, "4"],
    ["DHL Global Mail", US, "4"],
    ["OnTrac", US, "5"],
    ["Royal Mail", GB, "11"],
    ["Hermes", GB, "13"],
    ["Evri", GB, "13"],
    ["DPD UK", GB, "12"],
    ["DHL", GB, "14"],
  ])("matches %j to provider %s", (company, providers, id) => expect(matchProviderByName(company, providers)?.id).toBe(id));

  it.each([
    ["DHL Express", US],
    ["Canada Post", US],
    ["Other", US],
    ["", US],
    ["---", US],
    ["UPS", GB],
    ["DHL eCommerce", GB],
  ])("finds no provider for %j", (company, providers) => expect(matchProviderByName(company, providers)).toBeNull());

  it("prefers the exact name over an alias", () => {
    const both = [{ id: "a", name: "DHL Express" }, { id: "b", name: "DHL" }];
    expect(matchProviderByName("DHL Express", both)?.id).toBe("a");
    expect(matchProviderByName("DHL", both)?.id).toBe("b");
  });

  it("stores aliases under one key, so a mapping for one spelling serves the others", () => {
    expect(carrierKey("United Parcel Service")).toBe(carrierKey("UPS"));
    expect(carrierKey("Hermes")).toBe(carrierKey("Evri"));
    expect(carrierKey("DHL")).not.toBe(carrierKey("DHL eCommerce"));
  });
});
