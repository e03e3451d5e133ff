-- DropIndex
DROP INDEX "TikTokSku_organizationId_globalSkuId_idx";

-- CreateIndex
CREATE INDEX "TikTokSku_globalSkuId_idx" ON "TikTokSku"("globalSkuId");
