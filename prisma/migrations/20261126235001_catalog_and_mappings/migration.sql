-- CreateEnum
CREATE TYPE "CatalogImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "MappingRule" AS ENUM ('EXACT_SKU', 'NORMALIZED_SKU', 'BARCODE', 'TITLE_OPTIONS', 'MANUAL');

-- CreateEnum
CREATE TYPE "MappingStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "MappingBatchStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "ShopifyProduct" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "handle" TEXT,
    "imageUrl" TEXT,
    "platformUpdatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShopifyProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopifyVariant" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sku" TEXT,
    "skuNormalized" TEXT,
    "barcode" TEXT,
    "options" JSONB NOT NULL,
    "price" DECIMAL(18,4) NOT NULL,
    "compareAtPrice" DECIMAL(18,4),
    "inventoryQuantity" INTEGER,
    "inventoryItemId" TEXT,
    "imageUrl" TEXT,
    "platformUpdatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "ShopifyVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TikTokProduct" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "globalProductId" TEXT,
    "imageUrl" TEXT,
    "platformUpdatedAt" TIMESTAMP(3) NOT NULL,
    "detailFetchedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TikTokProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TikTokSku" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "sellerSku" TEXT,
    "sellerSkuNormalized" TEXT,
    "globalSkuId" TEXT,
    "identifierCode" TEXT,
    "identifierType" TEXT,
    "options" JSONB NOT NULL,
    "price" DECIMAL(18,4) NOT NULL,
    "currency" TEXT NOT NULL,
    "inventoryQuantity" INTEGER,

    CONSTRAINT "TikTokSku_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogImport" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "status" "CatalogImportStatus" NOT NULL DEFAULT 'RUNNING',
    "kind" TEXT NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "apiCalls" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CatalogImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mapping" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tiktokConnectionId" TEXT NOT NULL,
    "shopifyConnectionId" TEXT NOT NULL,
    "tiktokSkuId" TEXT NOT NULL,
    "shopifyVariantId" TEXT NOT NULL,
    "rule" "MappingRule" NOT NULL,
    "status" "MappingStatus" NOT NULL DEFAULT 'ACTIVE',
    "archivedReason" TEXT,
    "batchId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MappingBatch" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT,
    "status" "MappingBatchStatus" NOT NULL DEFAULT 'QUEUED',
    "requested" JSONB NOT NULL,
    "mappedProducts" INTEGER NOT NULL DEFAULT 0,
    "mappedSkus" INTEGER NOT NULL DEFAULT 0,
    "failures" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "MappingBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShopifyProduct_organizationId_idx" ON "ShopifyProduct"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ShopifyProduct_connectionId_externalId_key" ON "ShopifyProduct"("connectionId", "externalId");

-- CreateIndex
CREATE INDEX "ShopifyVariant_connectionId_skuNormalized_idx" ON "ShopifyVariant"("connectionId", "skuNormalized");

-- CreateIndex
CREATE INDEX "ShopifyVariant_connectionId_barcode_idx" ON "ShopifyVariant"("connectionId", "barcode");

-- CreateIndex
CREATE INDEX "ShopifyVariant_productId_idx" ON "ShopifyVariant"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "ShopifyVariant_connectionId_externalId_key" ON "ShopifyVariant"("connectionId", "externalId");

-- CreateIndex
CREATE INDEX "TikTokProduct_organizationId_connectionId_status_idx" ON "TikTokProduct"("organizationId", "connectionId", "status");

-- CreateIndex
CREATE INDEX "TikTokProduct_connectionId_globalProductId_idx" ON "TikTokProduct"("connectionId", "globalProductId");

-- CreateIndex
CREATE UNIQUE INDEX "TikTokProduct_connectionId_externalId_key" ON "TikTokProduct"("connectionId", "externalId");

-- CreateIndex
CREATE INDEX "TikTokSku_connectionId_sellerSkuNormalized_idx" ON "TikTokSku"("connectionId", "sellerSkuNormalized");

-- CreateIndex
CREATE INDEX "TikTokSku_connectionId_identifierCode_idx" ON "TikTokSku"("connectionId", "identifierCode");

-- CreateIndex
CREATE INDEX "TikTokSku_productId_idx" ON "TikTokSku"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "TikTokSku_connectionId_externalId_key" ON "TikTokSku"("connectionId", "externalId");

-- CreateIndex
CREATE INDEX "CatalogImport_connectionId_startedAt_idx" ON "CatalogImport"("connectionId", "startedAt");

-- CreateIndex
CREATE INDEX "CatalogImport_organizationId_startedAt_idx" ON "CatalogImport"("organizationId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Mapping_tiktokSkuId_key" ON "Mapping"("tiktokSkuId");

-- CreateIndex
CREATE INDEX "Mapping_organizationId_tiktokConnectionId_status_idx" ON "Mapping"("organizationId", "tiktokConnectionId", "status");

-- CreateIndex
CREATE INDEX "Mapping_shopifyVariantId_idx" ON "Mapping"("shopifyVariantId");

-- CreateIndex
CREATE INDEX "Mapping_batchId_idx" ON "Mapping"("batchId");

-- CreateIndex
CREATE INDEX "MappingBatch_organizationId_createdAt_idx" ON "MappingBatch"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "ShopifyProduct" ADD CONSTRAINT "ShopifyProduct_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopifyVariant" ADD CONSTRAINT "ShopifyVariant_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopifyVariant" ADD CONSTRAINT "ShopifyVariant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "ShopifyProduct"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TikTokProduct" ADD CONSTRAINT "TikTokProduct_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TikTokSku" ADD CONSTRAINT "TikTokSku_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TikTokSku" ADD CONSTRAINT "TikTokSku_productId_fkey" FOREIGN KEY ("productId") REFERENCES "TikTokProduct"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogImport" ADD CONSTRAINT "CatalogImport_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_tiktokSkuId_fkey" FOREIGN KEY ("tiktokSkuId") REFERENCES "TikTokSku"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_shopifyVariantId_fkey" FOREIGN KEY ("shopifyVariantId") REFERENCES "ShopifyVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MappingBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;
