import { describe, expect, it } from "vitest";
import { compileCel } from "./cel";

const event = { name: "order/placed", data: { total: 120, currency: "EUR", shop: { id: "s1" }, paid: true, note: null, tags: ["a"] } };
const async = { name: "order/approved", data: { shop: { id: "s1" }, total: 80 } };

describe("the CEL subset", () => {
  it.each([
    ["event.data.total > 100", true],
    ["event.data.total <= 100", false],
    ["event.data.currency == 'EUR' && event.data.paid", true],
    ['event.data.currency != "EUR" || event.data.total >= 120', true],
    ["!event.data.paid", false],
    ["!(event.data.total < 10)", true],
    ["event.data.note == null", true],
    ["event.data.missing == null", true],
    ["event.data.shop.id == async.data.shop.id", true],
    ["event.data['currency'] == 'EUR'", true],
    ["event.data.tags[0] == 'a'", true],
    ["async.data.total > -1.5", true],
    ["event.data.currency > 1", false],
    ["event.data.function_id == 'app-fn'", false],
  ])("%s → %s", (src, expected) => {
    expect(compileCel(src).test({ event, async })).toBe(expected);
  });

  it("evaluates key expressions to values", () => {
    expect(compileCel("event.data.shop.id").evaluate({ event })).toBe("s1");
  });

  it.each([
    ["size(event.data.tags) > 0", /function calls are not supported \("size\("/],
    ["event.data.tags.exists(t, t == 'x')", /function calls are not supported/],
    ["event.data.total + 1 > 2", /unsupported operator or token "\+"/],
    ["data.total > 1", /only event and async are allowed/],
    ["event.data.total >", /unexpected end/],
    ["'open", /unterminated string/],
    ["event.data.a in ['x']", /unsupported/],
  ])("rejects %s", (src, message) => {
    expect(() => compileCel(src)).toThrow(message);
  });
});
