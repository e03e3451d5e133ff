import type { ConnectionStatus, SellerType } from "./connection-types";

type Tone = "neutral" | "success" | "warning" | "danger";

export const statusLabels: Record<ConnectionStatus, string> = {
  ACTIVE: "Connected",
  NEEDS_REAUTH: "Needs re-authorization",
  DISCONNECTED: "Disconnected",
  UNINSTALLED: "Uninstalled",
};

export const statusTones: Record<ConnectionStatus, Tone> = {
  ACTIVE: "success",
  NEEDS_REAUTH: "warning",
  DISCONNECTED: "neutral",
  UNINSTALLED: "danger",
};

export const sellerTypeLabels: Record<SellerType, string> = { LOCAL: "Local", CROSS_BORDER: "Cross-border" };

interface ActionState {
  status: ConnectionStatus;
  /** Set when the platform warned that the authorization is about to expire. */
  reauthorizeBy: string | null;
}

/** Which buttons a connection in this state offers to members who can write. */
export function connectionActions({ status, reauthorizeBy }: ActionState): { reauthorize: boolean; check: boolean; disconnect: boolean } {
  const live = status === "ACTIVE" || status === "NEEDS_REAUTH";
  return { reauthorize: status !== "ACTIVE" || Boolean(reauthorizeBy), check: live, disconnect: live };
}

/** The webhook line of a connection card. */
export function describeWebhooks({ status, webhooksReady, webhookError }: { status: ConnectionStatus; webhooksReady: boolean; webhookError: string | null }): {
  text: string;
  tone: Tone;
} {
  if (status === "DISCONNECTED" || status === "UNINSTALLED") return { text: "No webhooks (store not connected)", tone: "neutral" };
  if (webhookError) return { text: `Webhooks failed: ${webhookError}`, tone: "danger" };
  if (webhooksReady) return { text: "Webhooks active", tone: "success" };
  return { text: "Setting up webhooks…", tone: "warning" };
}
