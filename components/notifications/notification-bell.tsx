"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { Popover } from "radix-ui";
import { cn } from "../ui/cn";
import { useMarkNotificationsRead, useNotifications, type NotificationList } from "./use-notifications";

const levelDot: Record<NotificationList["notifications"][number]["level"], string> = {
  INFO: "bg-slate-400",
  SUCCESS: "bg-emerald-500",
  WARNING: "bg-amber-500",
  ERROR: "bg-red-500",
};

/** The header's bell: the unread count, and the latest notifications with links to act on them. */
export function NotificationBell({ org }: { org: string }) {
  const notifications = useNotifications(org);
  const markRead = useMarkNotificationsRead(org);
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.notifications ?? [];
  return (
    <Popover.Root onOpenChange={(open) => !open && unread > 0 && markRead.mutate()}>
      <Popover.Trigger className="relative inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100" aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}>
        <Bell className="size-4" aria-hidden />
        {unread > 0 ? (
          <span aria-hidden className="absolute right-1 top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} className="z-50 w-96 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white shadow-lg" aria-label="Notifications">
          <div className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-900">Notifications</div>
          {items.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">Nothing needs you right now.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((item) => (
                <li key={item.id} className={cn("px-4 py-3 text-sm", item.unread && "bg-brand-50/40")}>
                  <div className="flex items-start gap-2">
                    <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", levelDot[item.level])} />
                    <div className="min-w-0">
                      <p className="font-medium text-slate-900">
                        {item.title}
                        {item.unread ? <span className="sr-only"> (unread)</span> : null}
                      </p>
                      <p className="text-slate-600">{item.body}</p>
                      <div className="mt-1 flex items-center gap-3 text-xs text-slate-500">
                        <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleString()}</time>
                        {item.href ? (
                          <Popover.Close asChild>
                            <Link href={item.href} className="font-medium text-brand-700 hover:underline">
                              Open
                            </Link>
                          </Popover.Close>
                        ) : null}
                      </div>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
