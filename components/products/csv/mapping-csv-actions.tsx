"use client";

import { Download, Upload } from "lucide-react";
import { useState } from "react";
import { useOrg } from "../../shell/org-role-context";
import { Button, buttonVariants } from "../../ui/button";
import { ImportCsvDialog } from "./import-csv-dialog";

/** "Export CSV" (every viewer) and "Import CSV" (writers) for one TikTok shop's mappings. */
export function MappingCsvActions({ tiktokConnectionId }: { tiktokConnectionId: string }) {
  const { slug, canWrite } = useOrg();
  const [importOpen, setImportOpen] = useState(false);
  const exportUrl = `/api/orgs/${slug}/mapping/export?${new URLSearchParams({ tiktokConnectionId })}`;
  return (
    <div className="flex items-center gap-2">
      <a href={exportUrl} download className={buttonVariants({ variant: "secondary" })}>
        <Download aria-hidden />
        Export CSV
      </a>
      {canWrite ? (
        <>
          <Button variant="secondary" onClick={() => setImportOpen(true)}>
            <Upload aria-hidden />
            Import CSV
          </Button>
          <ImportCsvDialog key={tiktokConnectionId} org={slug} tiktokConnectionId={tiktokConnectionId} open={importOpen} onOpenChange={setImportOpen} />
        </>
      ) : null}
    </div>
  );
}
