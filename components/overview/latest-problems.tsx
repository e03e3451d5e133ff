import Link from "next/link";
import type { Problem } from "@/lib/overview/list-latest-problems";
import { activityLink } from "../activity/activity-links";
import { Badge } from "../ui/badge";

/** The newest warnings and failures, each linking to where it can be fixed. */
export function LatestProblems({ org, problems }: { org: string; problems: Problem[] }) {
  if (problems.length === 0) return <p className="text-sm text-slate-500">No problems. Everything ran as it should.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {problems.map((problem) => {
        const link = activityLink({ slug: org, entry: problem });
        return (
          <li key={problem.id} className="flex items-start justify-between gap-3 py-2">
            <div className="min-w-0">
              <p className="text-slate-900">{problem.message}</p>
              <p className="text-xs text-slate-500">{new Date(problem.createdAt).toLocaleString("en-US")}</p>
            </div>
            <div className="flex shrink-0 items-center gap-2">
              <Badge tone={problem.level === "ERROR" ? "danger" : "warning"}>{problem.level === "ERROR" ? "Failed" : "Warning"}</Badge>
              {link ? (
                <Link href={link.href} className="font-medium text-brand-600 hover:underline">
                  {link.label}
                </Link>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
