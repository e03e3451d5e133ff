import type { BatchFailure } from "./product-types";

const SHOWN = 10;

/** The notification's body: each failed product with what went wrong and how to fix it. */
export function BatchFailureList({ failures }: { failures: readonly BatchFailure[] }) {
  return (
    <ul className="mt-1 max-h-60 space-y-2 overflow-y-auto text-sm">
      {failures.slice(0, SHOWN).map((failure) => (
        <li key={failure.tiktokProductId}>
          <p className="font-medium">{failure.title}</p>
          <p>{failure.reason}</p>
          <p className="text-slate-600">{failure.fix}</p>
        </li>
      ))}
      {failures.length > SHOWN ? <li>…and {failures.length - SHOWN} more.</li> : null}
    </ul>
  );
}
