"use client";

import Link from "next/link";
import { useOrg } from "../shell/org-role-context";

/** A mapped product's title links to its product page (Shopify source, TikTok listing, editor). */
export function ProductTitleLink({ product }: { product: { id: string; title: string; mappedSkuCount: number } }) {
  const { slug } = useOrg();
  if (product.mappedSkuCount === 0) return <p className="font-medium text-slate-900">{product.title}</p>;
  return (
    <Link href={`/${slug}/products/${product.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
      {product.title}
    </Link>
  );
}
