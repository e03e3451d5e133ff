-- AlterTable
ALTER TABLE "ActivityEntry" ADD COLUMN     "connectionId" TEXT;

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_organizationId_createdAt_id_idx" ON "AuditEntry"("organizationId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "ActivityEntry_organizationId_connectionId_createdAt_id_idx" ON "ActivityEntry"("organizationId", "connectionId", "createdAt" DESC, "id");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Entries about a store already name it as their subject.
UPDATE "ActivityEntry" SET "connectionId" = "subjectId" WHERE "subjectType" = 'connection';
