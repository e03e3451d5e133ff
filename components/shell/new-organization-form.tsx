"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fetchJson } from "../api/fetch-json";
import { accountKeys } from "../api/query-keys";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

export function NewOrganizationForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: (input: { name: string }) =>
      fetchJson<{ organization: { slug: string } }>("/api/me/organizations", { method: "POST", body: input }),
    onSuccess: ({ organization }) => {
      queryClient.invalidateQueries({ queryKey: accountKeys.organizations() });
      router.push(`/${organization.slug}/overview`);
      router.refresh();
    },
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <h1 className="text-lg font-semibold">New organization</h1>
        <p className="mt-1 text-sm text-slate-600">An organization holds stores, mappings and a team. You will be its owner.</p>
      </div>
      <Field id="org-name" label="Organization name" error={create.error?.message}>
        <Input id="org-name" value={name} onChange={(e) => setName(e.target.value)} required aria-invalid={!!create.error} />
      </Field>
      <Button type="submit" className="w-full" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
