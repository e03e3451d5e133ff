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

interface HealthFactsProps {
  connection: { status: ConnectionStatus; tokenExpiresAt: string | null; lastCheckedAt: string | null; webhooksReady: boolean; webhookError: string | null };
  now: number;
  /** TikTok's refresh token bounds the whole authorization; past it the seller must authorize again. */
  authorizationExpiresAt?: string | null;
}

/** Token expiry, last check and webhook state: the health lines every connection shows. */
export function HealthFacts({ connection, now, authorizationExpiresAt }: HealthFactsProps) {
  const webhooks = describeWebhooks(connection);
  return (
    <>
      <Expiry label="Access token" expiresAt={connection.tokenExpiresAt} now={now} />
      {authorizationExpiresAt !== undefined ? <Expiry label="Authorization" expiresAt={authorizationExpiresAt} now={now} /> : null}
      <Fact label="Last check">
        {connection.lastCheckedAt ? (
          <time dateTime={connection.lastCheckedAt} title={new Date(connection.lastCheckedAt).toLocaleString()}>
            {describeAgo({ at: connection.lastCheckedAt, now })}
          </time>
        ) : (
          "Not checked yet"
        )}
      </Fact>
      <Fact label="Webhooks" tone={webhooks.tone}>
        {webhooks.text}
      </Fact>
    </>
  );
}
