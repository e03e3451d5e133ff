"use client";

import { useInfiniteQuery, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";
import { batchFinished, batchHeadline } from "./batch-summary";
import { BatchFailureList } from "./batch-failure-list";
import type { MappingBatchView, RequestedRow, ReviewPage } from "./product-types";

const REVIEW_PAGE_SIZE = 50;
const BATCH_POLL_MS = 1_000;
// A batch of 100,000 rows takes well under this; past it, the notification says to look later.
const BATCH_WAIT_MS = 10 * 60_000;

/** The Bulk auto-map review model, one page of TikTok products at a time. */
export function useProposals(org: string, tiktokConnectionId: string, { enabled }: { enabled: boolean }) {
  return useInfiniteQuery({
    queryKey: orgKeys.mappingProposals(org, tiktokConnectionId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      fetchJson<ReviewPage>(`/api/orgs/${org}/mapping/proposals`, {
        method: "POST",
        body: { tiktokConnectionId, limit: REVIEW_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    // Proposals go stale as soon as a catalog changes: compute them afresh for every review.
    gcTime: 0,
    staleTime: 0,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForBatch({ org, batchId }: { org: string; batchId: string }): Promise<MappingBatchView | null> {
  const deadline = Date.now() + BATCH_WAIT_MS;
  while (Date.now() < deadline) {
    const batch = await fetchJson<MappingBatchView>(`/api/orgs/${org}/mapping/batches/${batchId}`);
    if (batchFinished(batch)) return batch;
    await sleep(BATCH_POLL_MS);
  }
  return null;
}

async function announceBatch({ org, batchId, queryClient }: { org: string; batchId: string; queryClient: QueryClient }): Promise<void> {
  let batch: MappingBatchView | null;
  try {
    batch = await waitForBatch({ org, batchId });
  } catch (error) {
    toast.error(error instanceof Error ? error.message : "Could not read the mapping's progress.");
    return;
  }
  void queryClient.invalidateQueries({ queryKey: orgKeys.products(org) });
  if (!batch) return void toast.info("Mapping is still running. Mapped products will appear under Mapped Products.");
  const headline = batchHeadline(batch);
  const description = batch.failures.length > 0 ? <BatchFailureList failures={batch.failures} /> : undefined;
  // Failures stay until dismissed: each says how to fix it.
  const options = { description, duration: batch.failures.length > 0 ? Infinity : 8_000 };
  if (batch.status === "FAILED") toast.error(headline, options);
  else if (batch.failures.length > 0) toast.warning(headline, options);
  else toast.success(headline, options);
}

/**
 * "Map": stores the checked rows as a batch and returns; the background job's outcome is then
 * awaited outside the dialog, announced in the lower right ("N products mapped, M failed", each
 * failure with its fix), and the product lists refreshed.
 */
export function useMapBatch(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { tiktokConnectionId: string; rows: RequestedRow[]; rest?: { after: string }; overwritePreviewId?: string; overwriteGlobalProducts?: boolean }) =>
      fetchJson<{ batchId: string }>(`/api/orgs/${org}/mapping/batches`, { method: "POST", body }),
    onSuccess: ({ batchId }) => {
      toast.info("Mapping in the background. You can keep working.");
      void announceBatch({ org, batchId, queryClient });
    },
    onError: (error) => toast.error(error.message),
  });
}
