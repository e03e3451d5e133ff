import type { Role } from "../generated/prisma/enums.ts";

export type { Role };
export const roles = ["OWNER", "ADMIN", "VIEWER"] as const satisfies readonly Role[];

const rank: Record<Role, number> = { VIEWER: 0, ADMIN: 1, OWNER: 2 };

export function hasRole(role: Role, required: Role): boolean {
  return rank[role] >= rank[required];
}

export const roleLabels: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", VIEWER: "Viewer" };
export const roleDescriptions: Record<Role, string> = {
  OWNER: "Everything, including managing owners.",
  ADMIN: "Manage stores, mappings, settings and members.",
  VIEWER: "Can look at everything and change nothing.",
};
