import { describeWebhooks } from "./connection-status";
import type { ConnectionStatus } from "./connection-types";
import { Fact } from "./connection-card";
import { describeAgo, describeExpiry } from "./time-words";

function Expiry({ label, expiresAt, now }: { label: string; expiresAt: string | null; now: number }) {
  const expiry = describeExpiry({ expiresAt, now });
  return (
    <Fact label={label} tone={expiry.tone}>
      {expiresAt ? (
        <time dateTime={expiresAt} title={new Date(expiresAt).toLocaleString()}>
          {expiry.text}
        </time>
      ) : (
        expiry.text
      )}
    </Fact>
  );
}

function Ago({ at, now, none }: { at: string | null; now: number; none: string }) {
  if (!at) return <>{none}</>;
  return (
    <time dateTime={at} title={new Date(at).toLocaleString()}>
      {describeAgo({ at, now })}
    </time>
  );
}

interface HealthFactsProps {
  connection: {
    status: ConnectionStatus;
    tokenExpiresAt: string | null;
    lastCheckedAt: string | null;
    lastSuccessfulCallAt: string | null;
    webhooksReady: boolean;
    webhookError: string | null;
  };
  now: number;
  /** TikTok's refresh token bounds the whole authorization; past it the seller must authorize again. */
  authorizationExpiresAt?: string | null;
}

/** Token expiry, last check, last successful call and webhook state: the health lines every connection shows. */
export function HealthFacts({ connection, now, authorizationExpiresAt }: HealthFactsProps) {
  const webhooks = describeWebhooks(connection);
  return (
    <>
      <Expiry label="Access token" expiresAt={connection.tokenExpiresAt} now={now} />
      {authorizationExpiresAt !== undefined ? <Expiry label="Authorization" expiresAt={authorizationExpiresAt} now={now} /> : null}
      <Fact label="Last check">
        <Ago at={connection.lastCheckedAt} now={now} none="Not checked yet" />
      </Fact>
      <Fact label="Last successful call">
        <Ago at={connection.lastSuccessfulCallAt} now={now} none="None yet" />
      </Fact>
      <Fact label="Webhooks" tone={webhooks.tone}>
        {webhooks.text}
      </Fact>
    </>
  );
}
