"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "../ui/card";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { useUpdateOrganization } from "./use-update-organization";

export function OrganizationSettingsForm({ initial, timeZones }: { initial: { name: string; timeZone: string }; timeZones: string[] }) {
  const { slug, canWrite } = useOrg();
  const router = useRouter();
  const [name, setName] = useState(initial.name);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const update = useUpdateOrganization(slug);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { name, timeZone },
      {
        onSuccess: () => {
          toast.success("Settings saved.");
          router.refresh();
        },
        onError: (error) => toast.error(error.message),
      },
    );
  }

  return (
    <Card className="max-w-xl">
      <CardHeader>
        <CardTitle>Organization</CardTitle>
      </CardHeader>
      <CardBody>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <fieldset disabled={!canWrite} className="space-y-4">
            <Field id="org-name" label="Name">
              <Input id="org-name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field id="org-tz" label="Time zone" hint='Used for "today" and for charts.'>
              <Select id="org-tz" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} className="w-full">
                {["UTC", ...timeZones.filter((tz) => tz !== "UTC")].map((tz) => (
                  <option key={tz} value={tz}>
                    {tz}
                  </option>
                ))}
              </Select>
            </Field>
          </fieldset>
          {canWrite ? (
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? "Saving…" : "Save"}
            </Button>
          ) : (
            <p className="text-sm text-slate-500">Viewers can look but not change anything.</p>
          )}
        </form>
      </CardBody>
    </Card>
  );
}
