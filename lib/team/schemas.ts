import { z } from "zod";
import { emailSchema } from "../auth/credentials";

export const roleSchema = z.enum(["OWNER", "ADMIN", "VIEWER"], { message: "Role must be owner, admin or viewer." });

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema }).strict();
export const changeRoleSchema = z.object({ role: roleSchema }).strict();
export const idParamSchema = z.string().regex(/^[a-z0-9]{20,40}$/);

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
