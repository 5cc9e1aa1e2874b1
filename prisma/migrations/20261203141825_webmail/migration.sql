-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN     "recipients" TEXT;

-- CreateTable
CREATE TABLE "MailRemoteContentSender" (
    "mailboxId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "allowedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailRemoteContentSender_pkey" PRIMARY KEY ("mailboxId","address")
);

-- CreateTable
CREATE TABLE "MailSendCounter" (
    "mailboxId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MailSendCounter_pkey" PRIMARY KEY ("mailboxId","day")
);

-- CreateTable
CREATE TABLE "MailDraft" (
    "id" SERIAL NOT NULL,
    "mailboxId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "to" TEXT NOT NULL DEFAULT '',
    "cc" TEXT NOT NULL DEFAULT '',
    "bcc" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "inReplyTo" TEXT,
    "references" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MailDraft_mailboxId_authorId_updatedAt_idx" ON "MailDraft"("mailboxId", "authorId", "updatedAt");

-- CreateIndex
CREATE INDEX "MailMessage_list_idx" ON "MailMessage"("folderId", "internalDate" DESC, "uid" DESC);

-- AddForeignKey
ALTER TABLE "MailRemoteContentSender" ADD CONSTRAINT "MailRemoteContentSender_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailSendCounter" ADD CONSTRAINT "MailSendCounter_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDraft" ADD CONSTRAINT "MailDraft_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- By hand: the mail view's search box looks for text in subject, sender and recipients at once;
-- one trigram index over the same expression the query uses (lib/mail/reader/list.ts).
CREATE INDEX "MailMessage_search_trgm_idx" ON "MailMessage" USING GIN (
  (coalesce("subject", '') || ' ' || coalesce("fromAddress", '') || ' ' || coalesce("fromName", '') || ' ' || coalesce("recipients", '')) gin_trgm_ops
);
