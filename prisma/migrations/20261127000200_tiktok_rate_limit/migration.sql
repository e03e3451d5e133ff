-- CreateTable
CREATE TABLE "TikTokRateBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TikTokRateBucket_pkey" PRIMARY KEY ("key")
);
