"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";
import { NotificationBell } from "../notifications/notification-bell";
import { Badge } from "../ui/badge";
import { cn } from "../ui/cn";
import { Logo } from "./logo";
import { navItems } from "./nav-items";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";
import { OrgRoleProvider } from "./org-role-context";

interface AppShellProps {
  org: { slug: string; name: string; role: Role };
  organizations: { slug: string; name: string }[];
  user: { email: string; name: string | null };
  children: ReactNode;
}

export function AppShell({ org, organizations, user, children }: AppShellProps) {
  const pathname = usePathname();
  return (
    <OrgRoleProvider value={org}>
      <div className="flex min-h-screen">
        <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
          <div className="px-5 py-5">
            <Logo />
          </div>
          <nav aria-label="Main" className="flex-1 space-y-0.5 px-3">
            {navItems.map((item) => {
              const href = `/${org.slug}/${item.segment}`;
              const active = pathname === href || pathname.startsWith(`${href}/`);
              return (
                <Link
                  key={item.segment}
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
                    active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
                  )}
                >
                  <item.icon className="size-4" aria-hidden />
                  {item.label}
                </Link>
              );
            })}
          </nav>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-4 border-b border-slate-200 bg-white/95 px-4 backdrop-blur md:px-8">
            <div className="flex items-center gap-3">
              <OrgSwitcher current={org} organizations={organizations} />
              {org.role === "VIEWER" ? <Badge tone="warning">View only</Badge> : null}
            </div>
            <div className="flex items-center gap-1">
              <NotificationBell org={org.slug} />
              <UserMenu user={user} />
            </div>
          </header>
          <nav aria-label="Sections" className="flex gap-1 overflow-x-auto border-b border-slate-200 bg-white px-4 py-2 md:hidden">
            {navItems.map((item) => (
              <Link key={item.segment} href={`/${org.slug}/${item.segment}`} className="whitespace-nowrap rounded px-2 py-1 text-sm text-slate-700">
                {item.label}
              </Link>
            ))}
          </nav>
          <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 md:px-8">{children}</main>
        </div>
      </div>
    </OrgRoleProvider>
  );
}
