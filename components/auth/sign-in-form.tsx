"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

const providerLabels: Record<string, string> = { github: "Continue with GitHub", google: "Continue with Google" };

export function SignInForm({ callbackUrl, initialError, providers }: { callbackUrl: string; initialError?: string; providers: string[] }) {
  const router = useRouter();
  const [error, setError] = useState(initialError && initialError !== "CredentialsSignin" ? initialError : undefined);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", { redirect: false, email: form.get("email"), password: form.get("password") });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div>
      <h1 className="text-lg font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">Welcome back. Sign in to your Ferry account.</p>
      <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate>
        <Field id="email" label="Email">
          <Input id="email" name="email" type="email" autoComplete="email" required autoFocus />
        </Field>
        <Field id="password" label="Password">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {providers.length > 0 ? (
        <div className="mt-4 space-y-2">
          {providers.map((id) => (
            <Button key={id} variant="secondary" className="w-full" onClick={() => signIn(id, { callbackUrl })}>
              {providerLabels[id] ?? id}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="mt-6 text-center text-sm text-slate-600">
        New to Ferry?{" "}
        <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
          Create account
        </Link>
      </p>
    </div>
  );
}
