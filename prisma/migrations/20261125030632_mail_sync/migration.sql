-- CreateEnum
CREATE TYPE "FolderSyncMode" AS ENUM ('QRESYNC', 'CONDSTORE', 'PLAIN');

-- CreateEnum
CREATE TYPE "BulkConnectStatus" AS ENUM ('RUNNING', 'DONE', 'INTERRUPTED');

-- CreateEnum
CREATE TYPE "BulkRowOutcome" AS ENUM ('PENDING', 'CONNECTED', 'FAILED');

-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "syncProgress" INTEGER;

-- CreateTable
CREATE TABLE "MailFolder" (
    "id" SERIAL NOT NULL,
    "mailboxId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "delimiter" TEXT,
    "specialUse" TEXT,
    "uidValidity" BIGINT,
    "uidNext" BIGINT,
    "highestModseq" BIGINT,
    "mode" "FolderSyncMode",
    "syncFromUid" BIGINT NOT NULL DEFAULT 1,
    "lastSyncedUid" BIGINT NOT NULL DEFAULT 0,
    "fullSyncTargetUid" BIGINT,
    "uidValidityResets" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "unseen" INTEGER NOT NULL DEFAULT 0,
    "sizeBytes" BIGINT NOT NULL DEFAULT 0,
    "lastFlagRescanAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "MailFolder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "folderId" INTEGER NOT NULL,
    "uid" BIGINT NOT NULL,
    "modseq" BIGINT,
    "flags" TEXT NOT NULL DEFAULT '',
    "seen" BOOLEAN NOT NULL DEFAULT false,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "size" INTEGER NOT NULL DEFAULT 0,
    "internalDate" TIMESTAMP(3),
    "sentDate" TIMESTAMP(3),
    "subject" TEXT,
    "fromAddress" TEXT,
    "fromName" TEXT,
    "messageId" TEXT,

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("folderId","uid")
);

-- CreateTable
CREATE TABLE "BulkConnectRun" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "domain" TEXT NOT NULL,
    "imapHost" TEXT NOT NULL,
    "imapPort" INTEGER NOT NULL,
    "imapSecurity" "ConnectionSecurity" NOT NULL,
    "smtpEnabled" BOOLEAN NOT NULL,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecurity" "ConnectionSecurity",
    "status" "BulkConnectStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL,
    "connected" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BulkConnectRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkConnectRow" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "userId" INTEGER,
    "email" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "outcome" "BulkRowOutcome" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "detail" TEXT,
    "mailboxId" INTEGER,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BulkConnectRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MailFolder_mailboxId_path_key" ON "MailFolder"("mailboxId", "path");

-- CreateIndex
CREATE INDEX "BulkConnectRun_createdAt_idx" ON "BulkConnectRun"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BulkConnectRow_runId_position_key" ON "BulkConnectRow"("runId", "position");

-- AddForeignKey
ALTER TABLE "MailFolder" ADD CONSTRAINT "MailFolder_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "MailFolder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkConnectRun" ADD CONSTRAINT "BulkConnectRun_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkConnectRow" ADD CONSTRAINT "BulkConnectRow_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BulkConnectRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkConnectRow" ADD CONSTRAINT "BulkConnectRow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkConnectRow" ADD CONSTRAINT "BulkConnectRow_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;
