-- CreateTable
CREATE TABLE "ShopifyCostBucket" (
    "shop" TEXT NOT NULL,
    "available" DOUBLE PRECISION NOT NULL,
    "maximum" DOUBLE PRECISION NOT NULL,
    "restoreRate" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShopifyCostBucket_pkey" PRIMARY KEY ("shop")
);
