import { useId, type ReactNode } from "react";

interface ConnectionSectionProps {
  title: string;
  description: ReactNode;
  descriptionId?: string;
  action?: ReactNode;
  children: ReactNode;
}

export function ConnectionSection({ title, description, descriptionId, action, children }: ConnectionSectionProps) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <p id={descriptionId} className="mt-0.5 text-sm text-slate-600">
            {description}
          </p>
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}
