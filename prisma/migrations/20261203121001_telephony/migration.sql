-- CreateEnum
CREATE TYPE "BalanceEntryKind" AS ENUM ('TOP_UP', 'CALL_CHARGE', 'ADJUSTMENT');

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "recordedAt" TIMESTAMP(3),
ADD COLUMN     "recordingSha256" TEXT,
ADD COLUMN     "recordingType" TEXT;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TelephonySettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "defaultOutgoingNumberId" INTEGER,
    "blacklist" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "recordingRetentionDays" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TelephonySettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhoneNumber" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "label" TEXT,
    "connectionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhoneNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipConnection" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 5060,
    "login" TEXT NOT NULL,
    "passwordEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SipConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserPhoneSettings" (
    "userId" INTEGER NOT NULL,
    "extension" TEXT,
    "device" TEXT,
    "outgoingNumberId" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserPhoneSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "BalanceEntry" (
    "id" SERIAL NOT NULL,
    "kind" "BalanceEntryKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "description" TEXT NOT NULL,
    "callId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BalanceEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneNumber_number_key" ON "PhoneNumber"("number");

-- CreateIndex
CREATE UNIQUE INDEX "UserPhoneSettings_extension_key" ON "UserPhoneSettings"("extension");

-- CreateIndex
CREATE INDEX "BalanceEntry_at_idx" ON "BalanceEntry"("at");

-- CreateIndex
CREATE INDEX "Call_recordedAt_idx" ON "Call"("recordedAt");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelephonySettings" ADD CONSTRAINT "TelephonySettings_defaultOutgoingNumberId_fkey" FOREIGN KEY ("defaultOutgoingNumberId") REFERENCES "PhoneNumber"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneNumber" ADD CONSTRAINT "PhoneNumber_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "SipConnection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPhoneSettings" ADD CONSTRAINT "UserPhoneSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPhoneSettings" ADD CONSTRAINT "UserPhoneSettings_outgoingNumberId_fkey" FOREIGN KEY ("outgoingNumberId") REFERENCES "PhoneNumber"("id") ON DELETE SET NULL ON UPDATE CASCADE;
