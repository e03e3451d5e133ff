import { Ship } from "lucide-react";
import { cn } from "../ui/cn";

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900", className)}>
      <span className="rounded-md bg-brand-600 p-1.5 text-white">
        <Ship className="size-4" aria-hidden />
      </span>
      Ferry
    </span>
  );
}
