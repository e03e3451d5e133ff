"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ApiError, fetchJson } from "../api/fetch-json";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

type FieldErrors = Partial<Record<"email" | "password" | "organizationName" | "form", string>>;

function fieldErrors(error: unknown): FieldErrors {
  if (error instanceof ApiError && Array.isArray(error.details)) {
    const out: FieldErrors = {};
    for (const issue of error.details as { path: string; message: string }[]) {
      const key = (["email", "password", "organizationName"].includes(issue.path) ? issue.path : "form") as keyof FieldErrors;
      out[key] ??= issue.message;
    }
    return out;
  }
  return { form: error instanceof Error ? error.message : "Something went wrong." };
}

export function SignUpForm({ invitationToken, invitedEmail }: { invitationToken?: string; invitedEmail?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const joining = Boolean(invitationToken);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setPending(true);
    setErrors({});
    try {
      const { organizationSlug } = await fetchJson<{ organizationSlug: string }>("/api/sign-up", {
        method: "POST",
        body: {
          email,
          password,
          name: String(form.get("name") ?? "") || undefined,
          organizationName: joining ? undefined : String(form.get("organizationName") ?? ""),
          invitationToken,
        },
      });
      const result = await signIn("credentials", { redirect: false, email, password });
      if (!result || result.error) throw new Error(result?.error ?? "Your account was created, but signing in failed. Sign in to continue.");
      router.replace(`/${organizationSlug}/overview`);
      router.refresh();
    } catch (error) {
      setErrors(fieldErrors(error));
      setPending(false);
    }
  }

  return (
    <div>
      <h1 className="text-lg font-semibold">Create account</h1>
      <p className="mt-1 text-sm text-slate-600">
        {joining ? "Create your account to accept the invitation." : "Start linking your TikTok Shop and Shopify store."}
      </p>
      <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate>
        <Field id="name" label="Your name">
          <Input id="name" name="name" autoComplete="name" />
        </Field>
        <Field id="email" label="Email" error={errors.email}>
          <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={invitedEmail} aria-invalid={!!errors.email} />
        </Field>
        <Field id="password" label="Password" error={errors.password} hint="At least 10 characters; avoid common passwords.">
          <Input id="password" name="password" type="password" autoComplete="new-password" required aria-invalid={!!errors.password} />
        </Field>
        {joining ? null : (
          <Field id="organizationName" label="Organization name" error={errors.organizationName} hint="Your company or agency. You can add more later.">
            <Input id="organizationName" name="organizationName" required aria-invalid={!!errors.organizationName} />
          </Field>
        )}
        {errors.form ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {errors.form}
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Creating account…" : "Create account"}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
