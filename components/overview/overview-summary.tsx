import Link from "next/link";
import type { getOverview } from "@/lib/overview/get-overview";
import { Badge } from "../ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "../ui/card";
import { DayBarChart } from "./day-bar-chart";
import { LatestProblems } from "./latest-problems";

type Overview = Awaited<ReturnType<typeof getOverview>>;

/** A duration for people: "0.8 s", "42 s", "3.5 min". */
function seconds(value: number): string {
  if (value < 10) return `${value.toFixed(1)} s`;
  if (value < 120) return `${Math.round(value)} s`;
  return `${(value / 60).toFixed(1)} min`;
}

const statusTone = { ACTIVE: "success", NEEDS_REAUTH: "danger", DISCONNECTED: "neutral", UNINSTALLED: "danger" } as const;
const statusLabel = { ACTIVE: "Connected", NEEDS_REAUTH: "Needs re-authorization", DISCONNECTED: "Disconnected", UNINSTALLED: "Uninstalled" } as const;

/** The stores with their health, mapping progress, failures per day and the latest problems, each linking to where to act. */
export function OverviewSummary({ org, overview }: { org: string; overview: Overview }) {
  const counts = overview.products;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Stores</CardTitle>
        </CardHeader>
        <CardBody>
          <ul className="divide-y divide-slate-100 text-sm">
            {overview.stores.map((store) => (
              <li key={store.id} className="flex items-center justify-between gap-3 py-2">
                <div>
                  <p className="font-medium text-slate-900">{store.name}</p>
                  <p className="text-xs text-slate-500">{store.platform}{store.statusReason ? ` · ${store.statusReason}` : ""}</p>
                </div>
                <Badge tone={statusTone[store.status]}>{statusLabel[store.status]}</Badge>
              </li>
            ))}
          </ul>
          <Link href={`/${org}/connections`} className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline">
            Manage connections
          </Link>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Products</CardTitle>
        </CardHeader>
        <CardBody>
          {counts ? (
            <dl className="grid grid-cols-3 gap-3 text-center">
              {(
                [
                  ["Unmapped", counts.unmapped, "unmapped"],
                  ["Mapped", counts.mapped, "mapped"],
                  ["Needs attention", counts.attention, "attention"],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="rounded-md bg-slate-50 px-2 py-3">
                  <dt className="text-xs text-slate-500">{label}</dt>
                  <dd className="mt-1 text-xl font-semibold text-slate-900">{value.toLocaleString("en-US")}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <Link href={`/${org}/products`} className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline">
            Go to Products
          </Link>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Orders</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          <dl className="grid grid-cols-3 gap-3 text-center">
            {(
              [
                ["Imported today", overview.orders.today.imported, ""],
                ["Waiting today", overview.orders.today.waiting, "?state=WAITING"],
                ["Failed today", overview.orders.today.failed, "?state=NEEDS_ATTENTION"],
              ] as const
            ).map(([label, value, query]) => (
              <div key={label} className="rounded-md bg-slate-50 px-2 py-3">
                <dt className="text-xs text-slate-500">
                  <Link href={`/${org}/orders${query}`} className="hover:underline">
                    {label}
                  </Link>
                </dt>
                <dd className="mt-1 text-xl font-semibold text-slate-900">{value.toLocaleString("en-US")}</dd>
              </div>
            ))}
          </dl>
          <DayBarChart label={`Orders synced to Shopify per day (${overview.timeZone})`} series={overview.orders.importedByDay} />
          <p className="text-sm text-slate-600">
            {overview.orders.latencySeconds
              ? `Order sync latency: median ${seconds(overview.orders.latencySeconds.median)}, p95 ${seconds(overview.orders.latencySeconds.p95)} (${overview.orders.latencySeconds.orders.toLocaleString("en-US")} orders).`
              : "Order sync latency appears after the first order is created in Shopify."}
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Failures per day</CardTitle>
        </CardHeader>
        <CardBody>
          <DayBarChart label={`Failed automatic actions per day (${overview.timeZone})`} series={overview.failuresByDay} tone="danger" />
          <Link href={`/${org}/activity?level=ERROR`} className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline">
            See failures in Activity
          </Link>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Latest problems</CardTitle>
        </CardHeader>
        <CardBody>
          <LatestProblems org={org} problems={overview.latestProblems} />
        </CardBody>
      </Card>
    </div>
  );
}
