-- AlterTable
ALTER TABLE "Connection" ADD COLUMN     "authorizedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lastSuccessfulCallAt" TIMESTAMP(3);

-- Backfill. A store was last (re)connected when its row was made or, if later, at its last
-- "connected" Activity entry (reconnecting reuses the row). Activity may have been pruned; the row's
-- age is then the earliest possible value, which never makes a genuine newer event look old.
UPDATE "Connection" c SET "authorizedAt" = GREATEST(c."createdAt", COALESCE((
  SELECT MAX(a."createdAt") FROM "ActivityEntry" a
  WHERE a."organizationId" = c."organizationId" AND a."subjectType" = 'connection' AND a."subjectId" = c."id" AND a."type" = 'connections.connected'
), c."createdAt"));

-- A check that left no "Last check failed" reason succeeded, so its time is a true last successful call.
UPDATE "Connection" SET "lastSuccessfulCallAt" = "lastCheckedAt" WHERE "lastCheckedAt" IS NOT NULL AND "statusReason" IS NULL;
