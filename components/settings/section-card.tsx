"use client";

import { useState, type ReactNode } from "react";
import { Card, CardBody, CardHeader, CardTitle } from "../ui/card";

export interface SectionCardProps {
  title: string;
  description: string;
  /** For a shop: whether it sets this section itself or follows the organization's defaults. */
  inherit?: { inherited: boolean; onChange: (inherit: boolean) => void; disabled: boolean };
  children: ReactNode;
}

/** One settings section; for a shop, with the choice to follow the organization's defaults. */
export function SectionCard({ title, description, inherit, children }: SectionCardProps) {
  const id = `inherit-${title.toLowerCase().replace(/\W+/g, "-")}`;
  // Shown at once; the page remounts the card with the saved state when the save lands.
  const [inherited, setInherited] = useState(inherit?.inherited ?? false);
  return (
    <Card>
      <CardHeader className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle>{title}</CardTitle>
          <p className="mt-1 text-sm text-slate-600">{description}</p>
        </div>
        {inherit ? (
          <label htmlFor={id} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              id={id}
              type="checkbox"
              className="size-4"
              checked={inherited}
              disabled={inherit.disabled}
              onChange={(e) => {
                setInherited(e.target.checked);
                inherit.onChange(e.target.checked);
              }}
            />
            Use the organization&apos;s defaults
          </label>
        ) : null}
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}
