"use client";

import { Activity } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import type { ActivityFilters } from "../api/query-keys";
import { useConnections } from "../connections/use-connections";
import { Input } from "../ui/input";
import { activityLink } from "./activity-links";
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

// The type filter's choices: activity types are `domain.what` (lib/activity/list-activity.ts).
const domains: [string, string][] = [
  ["catalog", "Catalog imports"],
  ["mapping", "Mapping"],
  ["sync", "Product sync"],
  ["orders", "Orders"],
  ["fulfillment", "Fulfillment"],
  ["connections", "Connections"],
  ["settings", "Settings"],
  ["privacy", "Privacy requests"],
];

export function ActivityList({ initialFilters = {} }: { initialFilters?: ActivityFilters }) {
  const { slug, canWrite } = useOrg();
  const [filters, setFilters] = useState<ActivityFilters>(initialFilters);
  const set = (key: keyof ActivityFilters) => (value: string) => setFilters((current) => ({ ...current, [key]: value || undefined }));
  const healthCheck = useRunHealthCheck(slug);
  const connections = useConnections(slug);
  const stores = [...(connections.data?.shopify ?? []), ...(connections.data?.tiktok ?? [])];
  const query = useActivity(slug, filters);
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <Select value={filters.domain ?? ""} onChange={(e) => set("domain")(e.target.value)} aria-label="Filter by type">
            <option value="">All types</option>
            {domains.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Select value={filters.connectionId ?? ""} onChange={(e) => set("connectionId")(e.target.value)} aria-label="Filter by store">
            <option value="">All stores</option>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </Select>
          <Select value={filters.level ?? ""} onChange={(e) => set("level")(e.target.value)} aria-label="Filter by result">
            <option value="">All results</option>
            <option value="SUCCESS">Succeeded</option>
            <option value="WARNING">Warnings</option>
            <option value="ERROR">Failed</option>
            <option value="INFO">Info</option>
          </Select>
          <label className="flex items-center gap-1">
            From
            <Input type="date" className="w-40" value={filters.from ?? ""} onChange={(e) => set("from")(e.target.value)} aria-label="From day" />
          </label>
          <label className="flex items-center gap-1">
            To
            <Input type="date" className="w-40" value={filters.to ?? ""} onChange={(e) => set("to")(e.target.value)} aria-label="To day" />
          </label>
        </div>
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
        <EmptyState icon={Activity} title={Object.values(filters).some(Boolean) ? "Nothing matches these filters" : "No activity yet"} description="Imports, mappings, syncs and order transfers will be logged here as they happen." />
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
                <EntryLink slug={slug} entry={entry} />
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

function EntryLink({ slug, entry }: { slug: string; entry: Parameters<typeof activityLink>[0]["entry"] }) {
  const link = activityLink({ slug, entry });
  if (!link) return null;
  return (
    <Link href={link.href} className="shrink-0 text-xs font-medium text-brand-700 hover:underline">
      {link.label}
    </Link>
  );
}
