-- DropIndex
DROP INDEX "Mailbox_lastSyncAt_idx";

-- DropIndex
DROP INDEX "Mailbox_diskBytes_idx";

-- DropIndex
DROP INDEX "Mailbox_unreadCount_idx";

-- DropIndex
DROP INDEX "Mailbox_email_idx";

-- CreateIndex
CREATE INDEX "Mailbox_diskBytes_id_idx" ON "Mailbox"("diskBytes", "id");

-- CreateIndex
CREATE INDEX "Mailbox_unreadCount_id_idx" ON "Mailbox"("unreadCount", "id");

-- CreateIndex
CREATE INDEX "Mailbox_email_id_idx" ON "Mailbox"("email", "id");

-- Hand-added (Prisma cannot declare these: see the comment on Mailbox in schema.prisma).
-- "Oldest first" lists never-synced mailboxes first. Read backwards, the same index gives
-- "newest first" with never-synced last. Both sorts then stop after one page instead of sorting all rows.
CREATE INDEX "Mailbox_lastSyncAt_nulls_first_idx" ON "Mailbox"("lastSyncAt" ASC NULLS FIRST, "id");

-- Free-text search on the owner's name ("anna albers" as well as "albers").
CREATE INDEX "User_fullName_trgm_idx" ON "User" USING GIN (("firstName" || ' ' || "lastName") gin_trgm_ops);
