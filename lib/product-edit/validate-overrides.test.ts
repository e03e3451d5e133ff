import { describe, expect, it } from "vitest";
import { validateOverrides, type OverrideContext } from "./validate-overrides";
import type { OverrideInput } from "./override-input";

const ctx: OverrideContext = { region: "US", currency: "USD", shopifyImages: ["https://cdn.shopify.com/a.png", "https://cdn.shopify.com/b.png"], skuIds: ["S1", "S2"] };
const img = (attrs = 'src="https://p16.tiktokcdn.com/x.jpg" width="800" height="600"') => `<p>Text</p><img ${attrs}>`;

describe("validateOverrides", () => {
  it.each<[string, OverrideInput, Partial<OverrideContext>, string | null]>([
    ["a good title", { title: "Organic Cotton Crew Tee" }, {}, null],
    ["a title of 255 characters", { title: `${"ab".repeat(127)}c` }, {}, null],
    ["a title of 256 characters", { title: "ab".repeat(128) }, {}, "The title has 256 characters; TikTok takes at most 255."],
    ["a title of 300 characters in MX", { title: "ab".repeat(150) }, { region: "MX" }, null],
    ["an empty title", { title: "   " }, {}, "The title cannot be empty."],
    ["a title of symbols only", { title: "!!!///" }, {}, "The title cannot be only symbols."],
    ["an HTML escape in the title", { title: "Tee&nbsp;Shirt" }, {}, "The title cannot contain HTML escapes such as &nbsp; (write the character itself)."],
    ["an emoji in the title", { title: "Tee 🔥" }, {}, "The title cannot contain emoji."],
    ["a character repeated 10 times", { title: "Teeeeeeeeee" }, {}, "The title cannot repeat a character more than 9 times in a row."],
    ["a two-line title", { title: "Tee\nShirt" }, {}, "The title must be one line."],
    ["clearing the title", { title: null }, {}, null],
    ["a good description", { description: `<h2>About</h2><ul><li>Soft</li></ul>${img()}<br>` }, {}, null],
    ["an empty description", { description: " " }, {}, "The description cannot be empty: TikTok requires one."],
    ["a description of 10,001 characters", { description: `<p>${"ab".repeat(4998)}</p>` }, {}, "The description has 10,003 characters; TikTok takes at most 10,000."],
    ["a script in the description", { description: "<p>x</p><script>alert(1)</script>" }, {}, "The description cannot contain <script>: TikTok does not take it."],
    ["an event attribute", { description: '<p onclick="x()">x</p>' }, {}, "The description cannot contain event attributes such as onclick (in <p>)."],
    ["an unclosed element", { description: "<p>x<strong>y</p>" }, {}, "The description's HTML is not well formed: </p> does not close the element that is open."],
    ["an element never closed", { description: "<div><p>x</p>" }, {}, "The description's HTML is not well formed: <div> is never closed."],
    ["an image without its size", { description: img('src="https://p16.tiktokcdn.com/x.jpg"') }, {}, "Every image in the description needs src, width and height."],
    ["an image of 4000 px", { description: img('src="https://p16.tiktokcdn.com/x.jpg" width="4000" height="10"') }, {}, "Images in the description must be under 4000 px wide and high."],
    ["an http image", { description: img('src="http://x.test/a.jpg" width="10" height="10"') }, {}, "Images in the description must be https addresses."],
    ["31 images", { description: `<p>x</p>${'<img src="https://a.test/x.jpg" width="9" height="9">'.repeat(31)}` }, {}, "The description has 31 images; TikTok takes at most 30."],
    ["images chosen from Shopify's", { images: ["https://cdn.shopify.com/b.png", "https://cdn.shopify.com/a.png"] }, {}, null],
    ["no image", { images: [] }, {}, "Choose at least one image: TikTok requires one."],
    ["ten images", { images: Array.from({ length: 10 }, (_, i) => `https://cdn.shopify.com/${i}.png`) }, { shopifyImages: Array.from({ length: 10 }, (_, i) => `https://cdn.shopify.com/${i}.png`) }, "10 images chosen; TikTok shows at most 9."],
    ["an image twice", { images: ["https://cdn.shopify.com/a.png", "https://cdn.shopify.com/a.png"] }, {}, "An image is chosen twice."],
    ["an image not on Shopify", { images: ["https://evil.test/a.png"] }, {}, "Choose images of the Shopify product only."],
    ["a price", { prices: [{ tiktokSkuId: "S1", amount: "19.99" }] }, {}, null],
    ["a price with 3 decimals", { prices: [{ tiktokSkuId: "S1", amount: "19.999" }] }, {}, "Enter an amount of USD with at most 2 decimals, such as 19.99."],
    ["a yen price with decimals", { prices: [{ tiktokSkuId: "S1", amount: "1280.5" }] }, { currency: "JPY", region: "JP" }, "Enter a whole amount of JPY, such as 1280."],
    ["a zero price", { prices: [{ tiktokSkuId: "S1", amount: "0" }] }, {}, "The price must be more than 0."],
    ["a price of an unmapped SKU", { prices: [{ tiktokSkuId: "S9", amount: "1" }] }, {}, "This SKU is not a mapped SKU of the listing."],
    ["a SKU listed twice", { prices: [{ tiktokSkuId: "S1", amount: "1" }, { tiktokSkuId: "S1", amount: "2" }] }, {}, "This SKU is listed twice."],
    ["clearing a price", { prices: [{ tiktokSkuId: "S2", amount: null }] }, {}, null],
    ["an allocation", { allocation: [{ tiktokSkuId: "S1", allocatePercent: 40 }] }, {}, null],
    ["an allocation over 100", { allocation: [{ tiktokSkuId: "S1", allocatePercent: 101 }] }, {}, "Enter a whole percentage from 0 to 100."],
    ["a fractional allocation", { allocation: [{ tiktokSkuId: "S1", allocatePercent: 12.5 }] }, {}, "Enter a whole percentage from 0 to 100."],
  ])("%s", (_label, input, over, message) => {
    const errors = validateOverrides(input, { ...ctx, ...over });
    expect(errors.map((e) => e.message)).toEqual(message === null ? [] : [message]);
  });

  it("reports every problem at once, each with its field and SKU", () => {
    const errors = validateOverrides({ title: "", images: [], prices: [{ tiktokSkuId: "S2", amount: "x" }], allocation: [{ tiktokSkuId: "S1", allocatePercent: -1 }] }, ctx);
    expect(errors.map((e) => [e.field, e.tiktokSkuId])).toEqual([["title", undefined], ["images", undefined], ["price", "S2"], ["inventory", "S1"]]);
  });
});
