"use client";

import { ScrollText } from "lucide-react";
import { Button } from "../ui/button";
import { Card, CardHeader, CardTitle } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import { useAudit } from "./use-audit";

/** Who did what to the organization: invitations, roles, removals, connections, settings (owners see it). */
export function AuditLog({ org }: { org: string }) {
  const query = useAudit(org);
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Audit log</CardTitle>
        <p className="mt-1 text-sm text-slate-600">Members&apos; administrative actions. Only owners see this.</p>
      </CardHeader>
      {query.isPending ? (
        <Spinner label="Loading the audit log" />
      ) : query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState icon={ScrollText} title="Nothing yet" description="Invitations, role changes, connections and settings changes are recorded here." />
      ) : (
        <>
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Audit log">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2">When</th>
                <th scope="col" className="px-5 py-2">Who</th>
                <th scope="col" className="px-5 py-2">What</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap px-5 py-2 text-slate-500">
                    <time dateTime={entry.createdAt}>{new Date(entry.createdAt).toLocaleString()}</time>
                  </td>
                  <td className="px-5 py-2 text-slate-700">{entry.actorEmail}</td>
                  <td className="px-5 py-2 text-slate-900">{entry.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {query.hasNextPage ? (
            <div className="border-t border-slate-100 p-3 text-center">
              <Button variant="secondary" size="sm" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
