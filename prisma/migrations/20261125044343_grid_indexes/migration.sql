-- Trigram matching for the grid's contains-filters (hand-added: the diff does not emit extensions).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "User_firstName_trgm_idx" ON "User" USING GIN ("firstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_lastName_trgm_idx" ON "User" USING GIN ("lastName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Mailbox_email_trgm_idx" ON "Mailbox" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Mailbox_name_trgm_idx" ON "Mailbox" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Mailbox_senderName_trgm_idx" ON "Mailbox" USING GIN ("senderName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Mailbox_crmEnabled_email_idx" ON "Mailbox"("crmEnabled", "email");

-- CreateIndex
CREATE INDEX "Mailbox_status_idx" ON "Mailbox"("status");
