import { describe, expect, it } from "vitest";
import { formToJson, uiAction } from "./index-actions";

describe("formToJson", () => {
  it.each([
    [{ name: "Demo" }, { name: "Demo" }],
    [{ "lineItems.0.sellerSku": "A ", "lineItems.0.quantity:number": "2" }, { lineItems: [{ sellerSku: "A ", quantity: 2 }] }],
    [{ "lineItems.0.skuId": "", "lineItems.0.sellerSku": "B", _label: "x", _report: "orderId", "__proto__.x": "1" }, { lineItems: [{ sellerSku: "B" }] }],
    [{ "isSample:boolean": "on", "address.city": "Austin" }, { isSample: true, address: { city: "Austin" } }],
  ])("%j → %j", (form, body) => {
    expect(formToJson(form)).toEqual({ body });
  });

  it.each([
    [{ "q:number": "x" }, "q must be a number"],
    [{ "q:boolean": "maybe" }, "q must be true or false"],
    [{ "q:date": "1" }, 'unknown field type ":date"'],
    [{ "a.__proto__.polluted": "1" }, "bad field name"],
    [{ "constructor.prototype.polluted": "1" }, "bad field name"],
    [{ "a.b": "1", "a.b.c": "2" }, "conflicts"],
    [{ "items.0": "1", "items.x": "2" }, "expected an index"],
    [{ "items.500": "1" }, "expected an index"],
  ])("refuses %j", (form, message) => {
    const r = formToJson(form);
    expect("error" in r && r.error).toContain(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("maps a control path to its form action", () => {
    expect(uiAction("/__sandbox/tiktok/shops/1/orders")).toBe("/__sandbox/ui/tiktok/shops/1/orders");
  });
});
