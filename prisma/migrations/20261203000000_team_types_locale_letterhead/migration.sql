-- CreateEnum
CREATE TYPE "TeamType" AS ENUM ('SALES', 'SERVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('DE', 'EN');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN "type" "TeamType" NOT NULL DEFAULT 'SALES';

-- AlterTable
ALTER TABLE "User" ADD COLUMN "locale" "Locale";

-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN "currency" VARCHAR(3) NOT NULL DEFAULT 'EUR',
ADD COLUMN "timeZone" VARCHAR(64) NOT NULL DEFAULT 'Europe/Berlin',
ADD COLUMN "companyName" VARCHAR(200),
ADD COLUMN "street" VARCHAR(200),
ADD COLUMN "postalCode" VARCHAR(20),
ADD COLUMN "city" VARCHAR(120),
ADD COLUMN "country" VARCHAR(120),
ADD COLUMN "phone" VARCHAR(50),
ADD COLUMN "email" VARCHAR(254),
ADD COLUMN "website" VARCHAR(200),
ADD COLUMN "vatId" VARCHAR(20),
ADD COLUMN "taxNumber" VARCHAR(30),
ADD COLUMN "registerEntry" VARCHAR(120),
ADD COLUMN "managingDirectors" VARCHAR(200),
ADD COLUMN "bankName" VARCHAR(120),
ADD COLUMN "iban" VARCHAR(34),
ADD COLUMN "bic" VARCHAR(11);
