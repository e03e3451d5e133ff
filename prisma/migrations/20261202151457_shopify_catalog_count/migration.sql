-- AlterTable
ALTER TABLE "Connection" ADD COLUMN     "catalogCountedAt" TIMESTAMP(3),
ADD COLUMN     "catalogVariants" INTEGER;
