import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { createOrganization } from "../organizations/create-organization";
import { organizationNameSchema } from "../organizations/schemas";
import { acceptInvitation } from "../team/accept-invitation";
import { emailSchema } from "./credentials";
import { hashPassword, MAX_PASSWORD_LENGTH, passwordWeakness } from "./password";

export const signUpSchema = z
  .object({
    email: emailSchema,
    password: z.string().max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
    name: z.string().trim().max(80).optional(),
    organizationName: organizationNameSchema.optional(),
    invitationToken: z.string().max(100).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const weakness = passwordWeakness(value.password, value.email);
    if (weakness) ctx.addIssue({ code: "custom", path: ["password"], message: weakness });
    if (!value.organizationName && !value.invitationToken) {
      ctx.addIssue({ code: "custom", path: ["organizationName"], message: "Enter your organization's name." });
    }
  });

export type SignUpInput = z.infer<typeof signUpSchema>;

/**
 * Creates a user with their own organization (as owner), or joins the organization they were
 * invited to. All or nothing: a failed invitation leaves no account behind.
 */
export async function signUp(input: SignUpInput): Promise<{ userId: string; organizationSlug: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name || null, passwordHash },
        select: { id: true, email: true },
      });
      if (input.invitationToken && !input.organizationName) {
        const joined = await acceptInvitation({ token: input.invitationToken, userId: user.id, userEmail: user.email, tx });
        return { userId: user.id, organizationSlug: joined.organizationSlug };
      }
      const org = await createOrganization({ userId: user.id, name: input.organizationName!, tx });
      if (input.invitationToken) await acceptInvitation({ token: input.invitationToken, userId: user.id, userEmail: user.email, tx });
      return { userId: user.id, organizationSlug: org.slug };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}
