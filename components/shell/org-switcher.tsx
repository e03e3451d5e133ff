"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";

interface OrgSwitcherProps {
  current: { slug: string; name: string };
  organizations: { slug: string; name: string }[];
}

const itemClass = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100";

export function OrgSwitcher({ current, organizations }: OrgSwitcherProps) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100"
        aria-label={`Organization: ${current.name}. Switch organization`}
      >
        {current.name}
        <ChevronsUpDown className="size-4 text-slate-400" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-slate-500">Organizations</DropdownMenu.Label>
          {organizations.map((org) => (
            <DropdownMenu.Item key={org.slug} asChild className={itemClass}>
              <Link href={`/${org.slug}/overview`}>
                <Check className={org.slug === current.slug ? "size-4" : "size-4 opacity-0"} aria-hidden />
                {org.name}
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/organizations/new">
              <Plus className="size-4" aria-hidden />
              New organization
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
