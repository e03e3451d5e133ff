-- CreateTable
CREATE TABLE "TikTokImageUpload" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "uri" TEXT,
    "url" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "refusal" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TikTokImageUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TikTokImageUpload_organizationId_credentialId_sourceUrl_key" ON "TikTokImageUpload"("organizationId", "credentialId", "sourceUrl");

-- AddForeignKey
ALTER TABLE "TikTokImageUpload" ADD CONSTRAINT "TikTokImageUpload_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;
