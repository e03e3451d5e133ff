-- CreateEnum
CREATE TYPE "ProductSyncStatus" AS ENUM ('QUEUED', 'SYNCED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "ProductSyncPreviewStatus" AS ENUM ('RUNNING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "ProductSyncState" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tiktokConnectionId" TEXT NOT NULL,
    "tiktokProductId" TEXT NOT NULL,
    "status" "ProductSyncStatus" NOT NULL DEFAULT 'QUEUED',
    "lastSyncedAt" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,
    "skuErrors" JSONB NOT NULL DEFAULT '[]',
    "reviewStatus" TEXT,
    "reviewReason" TEXT,
    "reviewUpdatedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductSyncState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductSnapshot" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tiktokConnectionId" TEXT NOT NULL,
    "tiktokProductId" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "globalProductId" TEXT,
    "globalContent" JSONB,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restoredAt" TIMESTAMP(3),

    CONSTRAINT "ProductSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductSyncPreview" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tiktokConnectionId" TEXT,
    "purpose" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "settingsHash" TEXT NOT NULL,
    "rows" JSONB,
    "status" "ProductSyncPreviewStatus" NOT NULL DEFAULT 'RUNNING',
    "productsChecked" INTEGER NOT NULL DEFAULT 0,
    "productsAffected" INTEGER NOT NULL DEFAULT 0,
    "globalProducts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ProductSyncPreview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductSyncPreviewItem" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "previewId" TEXT NOT NULL,
    "tiktokProductId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "shopName" TEXT NOT NULL,
    "changes" JSONB NOT NULL,

    CONSTRAINT "ProductSyncPreviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductSyncState_tiktokProductId_key" ON "ProductSyncState"("tiktokProductId");

-- CreateIndex
CREATE INDEX "ProductSyncState_organizationId_tiktokConnectionId_status_idx" ON "ProductSyncState"("organizationId", "tiktokConnectionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ProductSnapshot_tiktokProductId_key" ON "ProductSnapshot"("tiktokProductId");

-- CreateIndex
CREATE INDEX "ProductSnapshot_organizationId_tiktokConnectionId_idx" ON "ProductSnapshot"("organizationId", "tiktokConnectionId");

-- CreateIndex
CREATE INDEX "ProductSyncPreview_organizationId_createdAt_idx" ON "ProductSyncPreview"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ProductSyncPreviewItem_previewId_id_idx" ON "ProductSyncPreviewItem"("previewId", "id");

-- AddForeignKey
ALTER TABLE "ProductSyncPreviewItem" ADD CONSTRAINT "ProductSyncPreviewItem_previewId_fkey" FOREIGN KEY ("previewId") REFERENCES "ProductSyncPreview"("id") ON DELETE CASCADE ON UPDATE CASCADE;
