-- CreateEnum
CREATE TYPE "SavedViewList" AS ENUM ('OPPORTUNITIES', 'ACCOUNTS', 'CONTACTS', 'ACTIVITIES');

-- CreateTable
CREATE TABLE "SavedView" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "list" "SavedViewList" NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "sortField" VARCHAR(40),
    "sortDescending" BOOLEAN NOT NULL DEFAULT false,
    "columns" VARCHAR(60)[] DEFAULT ARRAY[]::VARCHAR(60)[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_list_name_key" ON "SavedView"("userId", "list", "name");

-- CreateIndex
CREATE INDEX "SavedView_userId_list_position_idx" ON "SavedView"("userId", "list", "position");

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
