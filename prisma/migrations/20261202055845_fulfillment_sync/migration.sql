-- CreateEnum
CREATE TYPE "OrderFulfillmentStatus" AS ENUM ('SENDING', 'TRACKING_SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "CarrierMapping" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tiktokConnectionId" TEXT NOT NULL,
    "companyKey" TEXT NOT NULL,
    "companyName" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "providerName" TEXT NOT NULL,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CarrierMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderFulfillment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tiktokConnectionId" TEXT NOT NULL,
    "shopifyConnectionId" TEXT NOT NULL,
    "tiktokOrderId" TEXT NOT NULL,
    "shopifyOrderId" TEXT NOT NULL,
    "shopifyFulfillmentId" TEXT NOT NULL,
    "status" "OrderFulfillmentStatus" NOT NULL DEFAULT 'SENDING',
    "trackingNumber" TEXT,
    "trackingCompany" TEXT,
    "shippingProviderId" TEXT,
    "shippingProviderName" TEXT,
    "providerSource" TEXT,
    "tiktokPackageId" TEXT,
    "tiktokLineItemIds" JSONB NOT NULL DEFAULT '[]',
    "tiktokStatus" TEXT,
    "tiktokStatusAt" TIMESTAMP(3),
    "lastError" TEXT,
    "shippedAt" TIMESTAMP(3),
    "trackingUpdatedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderFulfillment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CarrierMapping_organizationId_tiktokConnectionId_idx" ON "CarrierMapping"("organizationId", "tiktokConnectionId");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierMapping_tiktokConnectionId_companyKey_key" ON "CarrierMapping"("tiktokConnectionId", "companyKey");

-- CreateIndex
CREATE INDEX "OrderFulfillment_organizationId_tiktokConnectionId_tiktokOr_idx" ON "OrderFulfillment"("organizationId", "tiktokConnectionId", "tiktokOrderId");

-- CreateIndex
CREATE INDEX "OrderFulfillment_organizationId_status_idx" ON "OrderFulfillment"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OrderFulfillment_organizationId_tiktokConnectionId_tiktokOr_key" ON "OrderFulfillment"("organizationId", "tiktokConnectionId", "tiktokOrderId", "shopifyFulfillmentId");
