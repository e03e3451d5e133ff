import type { Metadata } from "next";
import { NewOrganizationForm } from "@/components/shell/new-organization-form";
import { Logo } from "@/components/shell/logo";
import { requirePageUser } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "New organization" };
export const dynamic = "force-dynamic";

export default async function NewOrganizationPage() {
  await requirePageUser("/organizations/new");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8" />
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-7 shadow-sm">
        <NewOrganizationForm />
      </div>
    </main>
  );
}
