"use client";

import { useState, type ChangeEvent } from "react";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Field } from "../../ui/field";
import { Input } from "../../ui/input";
import { ImportReport } from "./import-report";
import { reportFromError, useImportMappingsCsv, useImportMappingsCsvDryRun } from "./use-import-mappings-csv";

// The server's limit (lib/mapping/csv/read-import-rows.ts), checked here to spare the upload.
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ImportCsvDialogProps {
  org: string;
  tiktokConnectionId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Choose a CSV, see the dry run's errors and counts, then Import (only when no row fails). */
export function ImportCsvDialog({ org, tiktokConnectionId, open, onOpenChange }: ImportCsvDialogProps) {
  const dryRun = useImportMappingsCsvDryRun({ org, tiktokConnectionId });
  const importCsv = useImportMappingsCsv({ org, tiktokConnectionId });
  const [csv, setCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const report = reportFromError(importCsv.error) ?? dryRun.data;
  const canImport = csv !== null && dryRun.isSuccess && dryRun.data.errorCount === 0 && dryRun.data.create + dryRun.data.change > 0 && !importCsv.isPending && !importCsv.isError;

  const reset = () => {
    setCsv(null);
    setFileError(undefined);
    dryRun.reset();
    importCsv.reset();
  };
  const close = (next: boolean) => {
    if (!next) reset();
    onOpenChange(next);
  };
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    reset();
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setFileError("The CSV is larger than 5 MB. Split it into several files.");
    const text = await file.text();
    setCsv(text);
    dryRun.mutate(text);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="Import mappings from CSV"
      description="One row per TikTok SKU: a header with tiktok_sku_id or seller_sku, and shopify_variant_id or shopify_sku. An exported file imports as it is. Up to 20,000 rows."
      footer={
        <>
          <Button variant="secondary" onClick={() => close(false)}>
            Cancel
          </Button>
          <Button onClick={() => csv !== null && importCsv.mutate(csv, { onSuccess: () => close(false) })} disabled={!canImport}>
            {importCsv.isPending ? "Importing…" : "Import"}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Field id="mapping-csv-file" label="CSV file" error={fileError} hint="Nothing is written until you choose Import.">
          <Input id="mapping-csv-file" type="file" accept=".csv,text/csv" onChange={(event) => void choose(event)} aria-invalid={fileError ? true : undefined} />
        </Field>
        {dryRun.isPending ? <p className="text-sm text-slate-600">Checking the file…</p> : null}
        {dryRun.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {dryRun.error.message}
          </p>
        ) : null}
        {report ? <ImportReport report={report} /> : null}
      </div>
    </Dialog>
  );
}
