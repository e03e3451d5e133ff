"use client";

import { Copy } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { roleDescriptions, roleLabels, type Role } from "@/lib/auth/roles";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { useInviteMember } from "./use-team";

export function InviteDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { slug, isOwner } = useOrg();
  const invite = useInviteMember(slug);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("VIEWER");
  const [link, setLink] = useState<{ url: string; mailed: boolean } | null>(null);

  function close(next: boolean) {
    onOpenChange(next);
    if (!next) {
      setEmail("");
      setRole("VIEWER");
      setLink(null);
      invite.reset();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ email, role }, { onSuccess: (result) => setLink(result) });
  }

  return (
    <Dialog open={open} onOpenChange={close} title="Invite member" description="They join when they open the invitation link and sign in with this email.">
      {link ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">
            {link.mailed ? "We emailed the invitation. You can also share this link:" : "Share this invitation link with them (no email is configured):"}
          </p>
          <div className="flex gap-2">
            <Input readOnly value={link.url} aria-label="Invitation link" onFocus={(e) => e.currentTarget.select()} />
            <Button
              variant="secondary"
              onClick={() => navigator.clipboard.writeText(link.url).then(() => toast.success("Link copied."), () => toast.error("Copy failed; select the link and copy it."))}
            >
              <Copy aria-hidden />
              Copy
            </Button>
          </div>
          <div className="flex justify-end">
            <Button onClick={() => close(false)}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <Field id="invite-email" label="Email" error={invite.error?.message}>
            <Input id="invite-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus aria-invalid={!!invite.error} />
          </Field>
          <Field id="invite-role" label="Role" hint={roleDescriptions[role]}>
            <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)} className="w-full">
              {(isOwner ? (["OWNER", "ADMIN", "VIEWER"] as const) : (["ADMIN", "VIEWER"] as const)).map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={invite.isPending}>
              {invite.isPending ? "Inviting…" : "Create invitation"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
