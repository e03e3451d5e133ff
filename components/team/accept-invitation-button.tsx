"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { fetchJson } from "../api/fetch-json";
import { Button } from "../ui/button";

export function AcceptInvitationButton({ token }: { token: string }) {
  const router = useRouter();
  const accept = useMutation({
    mutationFn: () => fetchJson<{ organizationSlug: string }>(`/api/invitations/${token}/accept`, { method: "POST" }),
    onSuccess: ({ organizationSlug }) => {
      toast.success("You joined the organization.");
      router.replace(`/${organizationSlug}/overview`);
      router.refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <Button className="mt-6 w-full" onClick={() => accept.mutate()} disabled={accept.isPending}>
      {accept.isPending ? "Joining…" : "Accept invitation"}
    </Button>
  );
}
