-- CreateEnum
CREATE TYPE "CrmLeadStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'CONVERTED', 'LOST');

-- CreateEnum
CREATE TYPE "CrmActivityKind" AS ENUM ('EMAIL_IN', 'EMAIL_OUT', 'CALL');

-- CreateEnum
CREATE TYPE "CrmTaskStatus" AS ENUM ('OPEN', 'DONE');

-- CreateEnum
CREATE TYPE "CrmOutcome" AS ENUM ('LEAD_CREATED', 'CONTACT_CREATED', 'ACTIVITY', 'BLACKLISTED', 'SKIPPED', 'FAILED');

-- DropIndex
DROP INDEX "CrmContact_email_idx";

-- AlterTable
ALTER TABLE "MailFolder" ADD COLUMN     "crmUid" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "CrmContact" ADD COLUMN     "company" TEXT,
ADD COLUMN     "emails" TEXT[],
ADD COLUMN     "mailboxId" INTEGER,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- By hand: a contact's one address becomes the first of its addresses (lower-case, as lookups expect).
UPDATE "CrmContact" SET "emails" = ARRAY[lower("email")] WHERE "email" IS NOT NULL;
UPDATE "CrmContact" SET "emails" = '{}' WHERE "emails" IS NULL;
UPDATE "CrmLead" SET "email" = lower("email") WHERE "email" IS NOT NULL;
ALTER TABLE "CrmContact" DROP COLUMN "email";

-- AlterTable
ALTER TABLE "CrmLead" ADD COLUMN     "company" TEXT,
ADD COLUMN     "mailboxId" INTEGER,
ADD COLUMN     "status" "CrmLeadStatus" NOT NULL DEFAULT 'NEW',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "CrmActivity" (
    "id" SERIAL NOT NULL,
    "kind" "CrmActivityKind" NOT NULL,
    "leadId" INTEGER,
    "contactId" INTEGER,
    "responsibleId" INTEGER,
    "mailboxId" INTEGER,
    "messageKey" TEXT,
    "subject" TEXT,
    "fromAddress" TEXT,
    "toAddresses" TEXT[],
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrmActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrmTask" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "responsibleId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "deadline" TIMESTAMP(3),
    "status" "CrmTaskStatus" NOT NULL DEFAULT 'OPEN',
    "completedAt" TIMESTAMP(3),
    "mailboxId" INTEGER,
    "messageKey" TEXT,
    "messageSubject" TEXT,
    "leadId" INTEGER,
    "contactId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrmTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrmProcessedMessage" (
    "mailboxId" INTEGER NOT NULL,
    "messageKey" TEXT NOT NULL,
    "outcome" "CrmOutcome" NOT NULL,
    "leads" INTEGER NOT NULL DEFAULT 0,
    "contacts" INTEGER NOT NULL DEFAULT 0,
    "activities" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrmProcessedMessage_pkey" PRIMARY KEY ("mailboxId","messageKey")
);

-- CreateTable
CREATE TABLE "CrmMailboxState" (
    "mailboxId" INTEGER NOT NULL,
    "queueNext" INTEGER NOT NULL DEFAULT 0,
    "backfillDays" INTEGER,
    "lastRunAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),

    CONSTRAINT "CrmMailboxState_pkey" PRIMARY KEY ("mailboxId")
);

-- CreateIndex
CREATE INDEX "CrmActivity_leadId_occurredAt_idx" ON "CrmActivity"("leadId", "occurredAt");

-- CreateIndex
CREATE INDEX "CrmActivity_contactId_occurredAt_idx" ON "CrmActivity"("contactId", "occurredAt");

-- CreateIndex
CREATE INDEX "CrmActivity_mailboxId_messageKey_idx" ON "CrmActivity"("mailboxId", "messageKey");

-- CreateIndex
CREATE INDEX "CrmTask_responsibleId_status_deadline_idx" ON "CrmTask"("responsibleId", "status", "deadline");

-- CreateIndex
CREATE INDEX "CrmTask_leadId_idx" ON "CrmTask"("leadId");

-- CreateIndex
CREATE INDEX "CrmTask_contactId_idx" ON "CrmTask"("contactId");

-- CreateIndex
CREATE INDEX "CrmProcessedMessage_mailboxId_processedAt_idx" ON "CrmProcessedMessage"("mailboxId", "processedAt");

-- CreateIndex
CREATE INDEX "CrmContact_emails_idx" ON "CrmContact" USING GIN ("emails");

-- CreateIndex
CREATE INDEX "CrmContact_responsibleId_idx" ON "CrmContact"("responsibleId");

-- CreateIndex
CREATE INDEX "CrmContact_createdAt_id_idx" ON "CrmContact"("createdAt", "id");

-- CreateIndex
CREATE INDEX "CrmContact_name_trgm_idx" ON "CrmContact" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "CrmLead_responsibleId_idx" ON "CrmLead"("responsibleId");

-- CreateIndex
CREATE INDEX "CrmLead_createdAt_id_idx" ON "CrmLead"("createdAt", "id");

-- CreateIndex
CREATE INDEX "CrmLead_title_trgm_idx" ON "CrmLead" USING GIN ("title" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "CrmContact" ADD CONSTRAINT "CrmContact_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmLead" ADD CONSTRAINT "CrmLead_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmActivity" ADD CONSTRAINT "CrmActivity_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "CrmLead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmActivity" ADD CONSTRAINT "CrmActivity_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "CrmContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmActivity" ADD CONSTRAINT "CrmActivity_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmActivity" ADD CONSTRAINT "CrmActivity_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmTask" ADD CONSTRAINT "CrmTask_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmTask" ADD CONSTRAINT "CrmTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmTask" ADD CONSTRAINT "CrmTask_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmTask" ADD CONSTRAINT "CrmTask_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "CrmLead"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmTask" ADD CONSTRAINT "CrmTask_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "CrmContact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmProcessedMessage" ADD CONSTRAINT "CrmProcessedMessage_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmMailboxState" ADD CONSTRAINT "CrmMailboxState_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;
