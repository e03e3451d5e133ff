-- AlterTable
ALTER TABLE "MappingIssue" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'MAP';
