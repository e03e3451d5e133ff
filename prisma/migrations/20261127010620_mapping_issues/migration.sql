-- CreateTable
CREATE TABLE "MappingIssue" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tiktokConnectionId" TEXT NOT NULL,
    "tiktokProductId" TEXT NOT NULL,
    "batchId" TEXT,
    "reason" TEXT NOT NULL,
    "fix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "MappingIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MappingIssue_organizationId_tiktokConnectionId_resolvedAt_idx" ON "MappingIssue"("organizationId", "tiktokConnectionId", "resolvedAt");

-- CreateIndex
CREATE INDEX "MappingIssue_tiktokProductId_resolvedAt_idx" ON "MappingIssue"("tiktokProductId", "resolvedAt");
