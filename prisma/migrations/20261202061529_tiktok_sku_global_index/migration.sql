-- CreateIndex
CREATE INDEX "TikTokSku_organizationId_globalSkuId_idx" ON "TikTokSku"("organizationId", "globalSkuId");
