import { db } from "../../db";
import type { DesiredImage, DesiredListing } from "../listing";

/**
 * The desired images with the uris they were uploaded as with this TikTok authorization (null: never uploaded).
 * An image TikTok refused before is left out, with the reason as a problem: its file has not changed (the URL
 * would have), so uploading it again would only be refused again.
 */
export async function withCachedUris({ organizationId, credentialId, desired }: { organizationId: string; credentialId: string; desired: DesiredListing }): Promise<DesiredListing> {
  if (!desired.mainImages) return desired;
  const rows = await db().tikTokImageUpload.findMany({
    where: { organizationId, credentialId, sourceUrl: { in: [...new Set(desired.mainImages.map((i) => i.sourceUrl))] } },
    select: { sourceUrl: true, uri: true, refusal: true },
  });
  const known = new Map(rows.map((r) => [r.sourceUrl, r]));
  const problems = [...desired.problems];
  const images: DesiredImage[] = [];
  for (const [index, image] of desired.mainImages.entries()) {
    const row = known.get(image.sourceUrl);
    if (row?.refusal) problems.push({ field: "images", message: `Shopify image ${index + 1} is left out: ${row.refusal}` });
    else images.push({ sourceUrl: image.sourceUrl, uri: row?.uri ?? null });
  }
  return { ...desired, mainImages: images.length > 0 ? images : undefined, problems };
}

export async function rememberUpload({ organizationId, credentialId, sourceUrl, uploaded }: { organizationId: string; credentialId: string; sourceUrl: string; uploaded: { uri: string; url: string; width: number; height: number } }) {
  const data = { uri: uploaded.uri, url: uploaded.url, width: uploaded.width, height: uploaded.height, refusal: null };
  await db().tikTokImageUpload.upsert({
    where: { organizationId_credentialId_sourceUrl: { organizationId, credentialId, sourceUrl } },
    create: { organizationId, credentialId, sourceUrl, ...data },
    update: data,
  });
}

export async function rememberRefusal({ organizationId, credentialId, sourceUrl, refusal }: { organizationId: string; credentialId: string; sourceUrl: string; refusal: string }) {
  const data = { uri: null, url: null, width: null, height: null, refusal: refusal.slice(0, 500) };
  await db().tikTokImageUpload.upsert({
    where: { organizationId_credentialId_sourceUrl: { organizationId, credentialId, sourceUrl } },
    create: { organizationId, credentialId, sourceUrl, ...data },
    update: data,
  });
}

/** TikTok no longer knows these uris (12052722): the next attempt uploads their images again. */
export async function forgetUploads({ organizationId, credentialId, uris }: { organizationId: string; credentialId: string; uris: string[] }) {
  await db().tikTokImageUpload.deleteMany({ where: { organizationId, credentialId, uri: { in: uris } } });
}
