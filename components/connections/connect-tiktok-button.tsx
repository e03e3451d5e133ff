"use client";

import { toast } from "sonner";
import { useOrg } from "../shell/org-role-context";
import { Button, type ButtonProps } from "../ui/button";
import { useStartTikTokConnect } from "./use-connections";

export const TIKTOK_NEEDS_SHOPIFY = "Connect your Shopify store first: every TikTok shop is paired with one.";

interface ConnectTikTokButtonProps {
  label?: string;
  size?: ButtonProps["size"];
  variant?: ButtonProps["variant"];
  /** The id of the visible text explaining why the button is disabled; set only while it is. */
  blockedBy?: string;
}

/** Starts TikTok's seller authorization; the merchant picks shops when they come back. */
export function ConnectTikTokButton({ label = "Connect TikTok Shop", size, variant, blockedBy }: ConnectTikTokButtonProps) {
  const { slug } = useOrg();
  const connect = useStartTikTokConnect(slug);
  const busy = connect.isPending || connect.isSuccess;
  return (
    <Button
      size={size}
      variant={variant}
      disabled={busy || blockedBy !== undefined}
      aria-describedby={blockedBy}
      onClick={() => connect.mutate(undefined, { onError: (error) => toast.error(error.message) })}
    >
      {busy ? "Opening TikTok Shop…" : label}
    </Button>
  );
}
