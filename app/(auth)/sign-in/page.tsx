import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oauthProviderIds } from "@/lib/auth/options";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  return <SignInForm callbackUrl={safeCallback(params.callbackUrl)} initialError={params.error} providers={oauthProviderIds()} />;
}

// Only same-site paths: an open redirect after sign-in is a phishing aid.
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}
