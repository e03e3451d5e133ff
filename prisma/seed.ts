import { signUp } from "../lib/auth/sign-up";
import { db } from "../lib/db";

// Idempotent demo data: one organization with an owner whose credentials the demo prints.
export const DEMO_USER = { email: "demo@ferry.local", password: "ferry-demo-2026", organizationName: "Demo Store" };

export async function seed(): Promise<{ created: boolean }> {
  const existing = await db().user.findUnique({ where: { email: DEMO_USER.email }, select: { id: true } });
  if (existing) return { created: false };
  await signUp({ ...DEMO_USER, name: "Demo Merchant" });
  return { created: true };
}

if (require.main === module) {
  seed()
    .then(async ({ created }) => {
      console.log(created ? `Seeded the demo organization (${DEMO_USER.email}).` : "Demo data already present.");
      await db().$disconnect();
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
