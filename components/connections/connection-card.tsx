import { useId, type ReactNode } from "react";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { statusLabels, statusTones } from "./connection-status";
import type { ConnectionStatus } from "./connection-types";

interface ConnectionCardProps {
  name: string;
  subtitle: ReactNode;
  status: ConnectionStatus;
  statusReason: string | null;
  badges?: ReactNode;
  /** A warning that needs the merchant while the connection still works. */
  notice?: string | null;
  actions?: ReactNode;
  children: ReactNode;
}

/** One connected store: name, status with its reason (or its last error), a list of facts, and the member's actions. */
export function ConnectionCard({ name, subtitle, status, statusReason, badges, notice, actions, children }: ConnectionCardProps) {
  const titleId = useId();
  return (
    <Card>
      <article aria-labelledby={titleId}>
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <div className="min-w-0">
            <h3 id={titleId} className="truncate text-base font-semibold text-slate-900">
              {name}
            </h3>
            <p className="truncate text-sm text-slate-500">{subtitle}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {badges}
            <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>
          </div>
        </div>
        {statusReason && status !== "ACTIVE" ? (
          <p className="border-b border-slate-200 bg-slate-50 px-5 py-2 text-sm text-slate-700">{statusReason}</p>
        ) : null}
        {/* A working store keeps a reason only when its last check failed: that is its last error. */}
        {statusReason && status === "ACTIVE" ? (
          <p className="border-b border-red-200 bg-red-50 px-5 py-2 text-sm text-red-800">{statusReason}</p>
        ) : null}
        {notice ? <p className="border-b border-amber-200 bg-amber-50 px-5 py-2 text-sm text-amber-900">{notice}</p> : null}
        <dl className="grid gap-x-6 gap-y-3 px-5 py-4 text-sm sm:grid-cols-2">{children}</dl>
        {actions ? <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-5 py-3">{actions}</div> : null}
      </article>
    </Card>
  );
}

const toneText = { neutral: "text-slate-900", success: "text-emerald-700", warning: "text-amber-800", danger: "text-red-700" } as const;

export function Fact({ label, tone = "neutral", children }: { label: string; tone?: keyof typeof toneText; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-0.5 break-words ${toneText[tone]}`}>{children}</dd>
    </div>
  );
}
