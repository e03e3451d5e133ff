"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { getProductEditor } from "@/lib/product-edit/get-product-editor";
import type { OverrideInput } from "@/lib/product-edit/override-input";
import type { EditPreview } from "@/lib/product-edit/push-product-edit";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export type ProductEditorView = Awaited<ReturnType<typeof getProductEditor>>;
export interface PushEditBody {
  overrides: OverrideInput;
  target?: "global" | "local";
  confirmGlobalOverwrite?: boolean;
  dryRun?: boolean;
}
export interface PushEditAnswer {
  preview: EditPreview;
  pushed: { status: string; writes: unknown[] } | null;
}

const editorKey = (org: string, id: string) => [...orgKeys.all(org), "product-editor", id] as const;

export function useProductEditor(org: string, productId: string) {
  return useQuery({ queryKey: editorKey(org, productId), queryFn: () => fetchJson<ProductEditorView>(`/api/orgs/${org}/products/${productId}/editor`) });
}

export function usePushEdit(org: string, productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PushEditBody) => fetchJson<PushEditAnswer>(`/api/orgs/${org}/products/${productId}/edit`, { method: "POST", body }),
    onSuccess: (answer) => {
      if (answer.pushed) void client.invalidateQueries({ queryKey: orgKeys.all(org) });
    },
  });
}
