import { db } from "../db";
import { emailSchema } from "./credentials";

export interface FindOrCreateOAuthUserOptions {
  email: string;
  name?: string;
}

export async function findOrCreateOAuthUser({ email, name }: FindOrCreateOAuthUserOptions) {
  const normalized = emailSchema.parse(email);
  return db().user.upsert({
    where: { email: normalized },
    update: {},
    create: { email: normalized, name },
    select: { id: true },
  });
}
