-- CreateTable
CREATE TABLE "TikTokGlobalProduct" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "skuCount" INTEGER NOT NULL DEFAULT 0,
    "platformUpdatedAt" TIMESTAMP(3) NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TikTokGlobalProduct_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TikTokGlobalProduct_organizationId_externalId_idx" ON "TikTokGlobalProduct"("organizationId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "TikTokGlobalProduct_credentialId_externalId_key" ON "TikTokGlobalProduct"("credentialId", "externalId");

-- AddForeignKey
ALTER TABLE "TikTokGlobalProduct" ADD CONSTRAINT "TikTokGlobalProduct_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;
