-- CreateTable
CREATE TABLE "ProductOverride" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tiktokProductId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "tiktokSkuId" TEXT NOT NULL DEFAULT '',
    "value" JSONB NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'listing',
    "updatedByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProductOverride_organizationId_tiktokProductId_idx" ON "ProductOverride"("organizationId", "tiktokProductId");

-- CreateIndex
CREATE UNIQUE INDEX "ProductOverride_tiktokProductId_field_tiktokSkuId_key" ON "ProductOverride"("tiktokProductId", "field", "tiktokSkuId");

-- AddForeignKey
ALTER TABLE "ProductOverride" ADD CONSTRAINT "ProductOverride_tiktokProductId_fkey" FOREIGN KEY ("tiktokProductId") REFERENCES "TikTokProduct"("id") ON DELETE CASCADE ON UPDATE CASCADE;
