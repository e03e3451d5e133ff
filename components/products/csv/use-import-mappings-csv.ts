"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ImportMappingsReport } from "@/lib/mapping/csv/import-mappings";
import { ApiError, fetchJson } from "../../api/fetch-json";
import { orgKeys } from "../../api/query-keys";

export type { ImportMappingsReport };

const importUrl = (org: string) => `/api/orgs/${org}/mapping/import`;

/** A real import refused for row errors answers 400 with the same report as a dry run. */
export function reportFromError(error: unknown): ImportMappingsReport | null {
  if (!(error instanceof ApiError) || typeof error.details !== "object" || error.details === null) return null;
  return "errors" in error.details && "errorCount" in error.details ? (error.details as ImportMappingsReport) : null;
}

/** Validates a CSV without writing anything. */
export function useImportMappingsCsvDryRun({ org, tiktokConnectionId }: { org: string; tiktokConnectionId: string }) {
  return useMutation({
    mutationKey: orgKeys.mappingCsvImport(org, tiktokConnectionId, "dry-run"),
    mutationFn: (csv: string) => fetchJson<ImportMappingsReport>(importUrl(org), { method: "POST", body: { tiktokConnectionId, csv, dryRun: true } }),
  });
}

/** Imports a CSV: every row or none. */
export function useImportMappingsCsv({ org, tiktokConnectionId }: { org: string; tiktokConnectionId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: orgKeys.mappingCsvImport(org, tiktokConnectionId, "import"),
    mutationFn: (csv: string) => fetchJson<ImportMappingsReport>(importUrl(org), { method: "POST", body: { tiktokConnectionId, csv, dryRun: false } }),
    onSuccess: (report) => {
      const mapped = report.create + report.change;
      const others = report.otherMarketSkus > 0 ? ` The same global SKUs were mapped in the other markets too (${report.otherMarketSkus}).` : "";
      toast.success(`${mapped} ${mapped === 1 ? "SKU" : "SKUs"} mapped from the CSV.${others}`);
      void queryClient.invalidateQueries({ queryKey: orgKeys.products(org) });
      void queryClient.invalidateQueries({ queryKey: orgKeys.activity(org) });
    },
    onError: (error) => toast.error(error.message),
  });
}
