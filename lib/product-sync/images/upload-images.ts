import { withTikTokToken } from "../../connections/tiktok-session";
import { isTikTokApiError } from "../../platforms/tiktok/errors";
import type { DesiredImage } from "../listing";
import { SYNC_ENDPOINTS } from "../tiktok/endpoints";
import { downloadShopifyImage } from "./download-shopify-image";
import { rememberRefusal, rememberUpload } from "./image-cache";

export type UploadImagesResult = { ok: true; uris: string[]; refused: string[] } | { ok: false; message: string };

/**
 * Uploads the Shopify images TikTok does not have yet (uri null) and answers every image's uri, in order. An image
 * TikTok refuses (its size or format) is left out and remembered as refused, so later syncs leave it out without
 * asking again. One Shopify does not serve stops the image write (a listing never loses an image to a passing
 * outage); its neighbours' uploads are kept, so the next sync does not upload them again.
 */
export async function uploadMissingImages({ organizationId, credentialId, images }: { organizationId: string; credentialId: string; images: DesiredImage[] }): Promise<UploadImagesResult> {
  const uris: string[] = [];
  const refused: string[] = [];
  for (const [index, image] of images.entries()) {
    if (image.uri) {
      uris.push(image.uri);
      continue;
    }
    const label = `Shopify image ${index + 1}`;
    const file = await downloadShopifyImage(image.sourceUrl);
    if (!file.ok) return { ok: false, message: `${label} was not sent to TikTok: ${file.reason}.` };
    const form = new FormData();
    form.append("data", new Blob([file.data], { type: file.type }), fileName(image.sourceUrl));
    form.append("use_case", "MAIN_IMAGE");
    try {
      const uploaded = await withTikTokToken(credentialId, (client, accessToken) => client.call({ endpoint: SYNC_ENDPOINTS.uploadProductImage, accessToken, form }));
      await rememberUpload({ organizationId, credentialId, sourceUrl: image.sourceUrl, uploaded });
      uris.push(uploaded.uri);
    } catch (error) {
      if (!isTikTokApiError(error) || error.kind !== "userFixable") throw error;
      const refusal = `TikTok refused it (${error.code ?? "no code"}): ${error.platformMessage}`;
      await rememberRefusal({ organizationId, credentialId, sourceUrl: image.sourceUrl, refusal });
      refused.push(`${label} is left out: ${refusal}`);
    }
  }
  if (uris.length === 0) return { ok: false, message: refused.join(" ") };
  return { ok: true, uris, refused };
}

function fileName(url: string): string {
  const last = new URL(url).pathname.split("/").pop() ?? "";
  return /^[\w.-]{1,100}$/.test(last) ? last : "image";
}
