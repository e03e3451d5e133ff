-- CreateEnum
CREATE TYPE "OrderImportState" AS ENUM ('WAITING', 'HELD', 'CREATED', 'NEEDS_ATTENTION', 'SKIPPED', 'CANCELLED', 'FULFILLED', 'TRACKING_SENT');

-- CreateTable
CREATE TABLE "TikTokOrder" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tiktokConnectionId" TEXT NOT NULL,
    "shopifyConnectionId" TEXT,
    "tiktokOrderId" TEXT NOT NULL,
    "tiktokStatus" TEXT NOT NULL,
    "tiktokUpdateTime" INTEGER NOT NULL DEFAULT 0,
    "tiktokCreatedAt" TIMESTAMP(3),
    "state" "OrderImportState" NOT NULL DEFAULT 'WAITING',
    "stateReason" TEXT,
    "lastError" TEXT,
    "missingSkuIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "currency" TEXT,
    "totalAmount" TEXT,
    "itemCount" INTEGER,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "claimOwner" TEXT,
    "claimedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "shopifyOrderId" TEXT,
    "shopifyOrderName" TEXT,
    "externalRefAt" TIMESTAMP(3),
    "importedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TikTokOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderPollState" (
    "tiktokConnectionId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "polledThrough" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderPollState_pkey" PRIMARY KEY ("tiktokConnectionId")
);

-- CreateIndex
CREATE INDEX "TikTokOrder_organizationId_createdAt_id_idx" ON "TikTokOrder"("organizationId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "TikTokOrder_organizationId_state_createdAt_id_idx" ON "TikTokOrder"("organizationId", "state", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "TikTokOrder_tiktokConnectionId_state_idx" ON "TikTokOrder"("tiktokConnectionId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "TikTokOrder_tiktokConnectionId_tiktokOrderId_key" ON "TikTokOrder"("tiktokConnectionId", "tiktokOrderId");

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_at_idx" ON "OrderEvent"("orderId", "at");

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "TikTokOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
