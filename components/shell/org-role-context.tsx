"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";

interface OrgInfo {
  slug: string;
  name: string;
  role: Role;
}

const OrgContext = createContext<OrgInfo | null>(null);

export function OrgRoleProvider({ value, children }: { value: OrgInfo; children: ReactNode }) {
  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}

/** The current organization and the member's role. The UI hides writes from viewers; the server refuses them. */
export function useOrg(): OrgInfo & { canWrite: boolean; isOwner: boolean } {
  const value = useContext(OrgContext);
  if (!value) throw new Error("useOrg must be used inside the dashboard");
  return { ...value, canWrite: value.role !== "VIEWER", isOwner: value.role === "OWNER" };
}
