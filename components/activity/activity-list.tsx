"use client";

import { Activity } from "lucide-react";
import { useState } from "react";
import { useOrg } from "../shell/org-role-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Select } from "../ui/select";
import { Spinner } from "../ui/spinner";
import { useActivity } from "./use-activity";
import { UndoBatchButton } from "./undo-batch-button";
import { useRunHealthCheck } from "./use-run-health-check";
import { toast } from "sonner";

const tones = { INFO: "neutral", SUCCESS: "success", WARNING: "warning", ERROR: "danger" } as const;

export function ActivityList() {
  const { slug, canWrite } = useOrg();
  const [level, setLevel] = useState("");
  const healthCheck = useRunHealthCheck(slug);
  const query = useActivity(slug, { level: level || undefined });
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-600">
          Result
          <Select value={level} onChange={(e) => setLevel(e.target.value)} aria-label="Filter by result">
            <option value="">All</option>
            <option value="SUCCESS">Succeeded</option>
            <option value="WARNING">Warnings</option>
            <option value="ERROR">Failed</option>
            <option value="INFO">Info</option>
          </Select>
        </label>
        {canWrite ? (
          <Button
            variant="secondary"
            disabled={healthCheck.isPending}
            onClick={() =>
              healthCheck.mutate(undefined, {
                onSuccess: () => toast.success("Health check queued. The result appears here in a moment."),
                onError: (error) => toast.error(error.message),
              })
            }
          >
            Run health check
          </Button>
        ) : null}
      </div>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState icon={Activity} title="No activity yet" description="Imports, mappings, syncs and order transfers will be logged here as they happen." />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {entries.map((entry) => (
              <li key={entry.id} className="flex items-start gap-3 px-5 py-3 text-sm">
                <Badge tone={tones[entry.level]}>{entry.level.toLowerCase()}</Badge>
                <div className="flex-1">
                  <p className="text-slate-900">{entry.message}</p>
                  <p className="text-xs text-slate-500">
                    {entry.type} · <time dateTime={entry.createdAt}>{new Date(entry.createdAt).toLocaleString()}</time>
                  </p>
                </div>
                {canWrite && entry.type === "mapping.batch_applied" && entry.subjectId ? <UndoBatchButton org={slug} batchId={entry.subjectId} /> : null}
              </li>
            ))}
          </ul>
          {query.hasNextPage ? (
            <div className="border-t border-slate-100 p-3 text-center">
              <Button variant="secondary" size="sm" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          ) : null}
        </Card>
      )}
    </div>
  );
}
