-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UserKind" AS ENUM ('EMPLOYEE', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('INVITED', 'ACTIVE', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "WorkGroupRole" AS ENUM ('OWNER', 'MODERATOR', 'MEMBER');

-- CreateEnum
CREATE TYPE "AccessSubjectKind" AS ENUM ('USER', 'DEPARTMENT', 'DEPARTMENT_TREE', 'ALL_HEADS', 'ALL_EMPLOYEES', 'WORK_GROUP', 'USER_GROUP', 'ADMINS');

-- CreateEnum
CREATE TYPE "AccessModule" AS ENUM ('WEBMAIL', 'TELEPHONY');

-- CreateEnum
CREATE TYPE "MailboxStatus" AS ENUM ('PENDING', 'OK', 'ERROR', 'NEEDS_PASSWORD');

-- CreateEnum
CREATE TYPE "SyncState" AS ENUM ('IDLE', 'QUEUED', 'RUNNING');

-- CreateEnum
CREATE TYPE "ConnectionSecurity" AS ENUM ('SSL', 'STARTTLS', 'NONE');

-- CreateEnum
CREATE TYPE "CrmNewContactAction" AS ENUM ('LEAD', 'CONTACT', 'NONE');

-- CreateEnum
CREATE TYPE "CallDirection" AS ENUM ('INCOMING', 'OUTGOING');

-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('ANSWERED', 'MISSED', 'BUSY', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "position" TEXT,
    "kind" "UserKind" NOT NULL DEFAULT 'EMPLOYEE',
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "isPortalAdmin" BOOLEAN NOT NULL DEFAULT false,
    "passwordHash" TEXT,
    "contactEmail" TEXT,
    "notificationEmail" TEXT,
    "phones" TEXT[],
    "locale" TEXT,
    "lastActivityAt" TIMESTAMP(3),
    "deactivatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" INTEGER,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "headId" INTEGER,
    "sort" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentMember" (
    "departmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "DepartmentMember_pkey" PRIMARY KEY ("departmentId","userId")
);

-- CreateTable
CREATE TABLE "WorkGroup" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "isExternal" BOOLEAN NOT NULL DEFAULT false,
    "isProject" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkGroupMember" (
    "workGroupId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "WorkGroupRole" NOT NULL DEFAULT 'MEMBER',

    CONSTRAINT "WorkGroupMember_pkey" PRIMARY KEY ("workGroupId","userId")
);

-- CreateTable
CREATE TABLE "UserGroup" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "UserGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserGroupMember" (
    "userGroupId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "UserGroupMember_pkey" PRIMARY KEY ("userGroupId","userId")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" SERIAL NOT NULL,
    "module" "AccessModule" NOT NULL,
    "name" TEXT,
    "systemCode" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolePermission" (
    "roleId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "RolePermission_pkey" PRIMARY KEY ("roleId","key")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" SERIAL NOT NULL,
    "roleId" INTEGER NOT NULL,
    "subjectKind" "AccessSubjectKind" NOT NULL,
    "subjectRefId" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessRightsRevision" (
    "module" "AccessModule" NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessRightsRevision_pkey" PRIMARY KEY ("module")
);

-- CreateTable
CREATE TABLE "Mailbox" (
    "id" SERIAL NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "connectedById" INTEGER,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "senderName" TEXT,
    "imapHost" TEXT NOT NULL,
    "imapPort" INTEGER NOT NULL,
    "imapSecurity" "ConnectionSecurity" NOT NULL,
    "imapLogin" TEXT NOT NULL,
    "imapPasswordEnc" TEXT NOT NULL,
    "smtpEnabled" BOOLEAN NOT NULL DEFAULT true,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecurity" "ConnectionSecurity",
    "smtpLogin" TEXT,
    "smtpPasswordEnc" TEXT,
    "dailySendLimit" INTEGER,
    "syncPeriodDays" INTEGER DEFAULT 7,
    "excludedFolders" TEXT[],
    "sentFolder" TEXT,
    "trashFolder" TEXT,
    "spamFolder" TEXT,
    "saveSentCopy" BOOLEAN NOT NULL DEFAULT true,
    "signatureHtml" TEXT NOT NULL DEFAULT '',
    "crmEnabled" BOOLEAN NOT NULL DEFAULT false,
    "crmProcessDays" INTEGER NOT NULL DEFAULT 7,
    "crmIncomingNewAction" "CrmNewContactAction" NOT NULL DEFAULT 'LEAD',
    "crmOutgoingNewAction" "CrmNewContactAction" NOT NULL DEFAULT 'CONTACT',
    "crmRouteToResponsible" BOOLEAN NOT NULL DEFAULT false,
    "crmLeadForEveryFrom" TEXT[],
    "crmSource" TEXT NOT NULL DEFAULT 'Email',
    "crmContactsFromVcards" BOOLEAN NOT NULL DEFAULT true,
    "status" "MailboxStatus" NOT NULL DEFAULT 'PENDING',
    "syncState" "SyncState" NOT NULL DEFAULT 'IDLE',
    "autoSync" BOOLEAN NOT NULL DEFAULT true,
    "lastSyncAt" TIMESTAMP(3),
    "lastSyncStartedAt" TIMESTAMP(3),
    "nextSyncAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorCode" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "unreadCount" INTEGER NOT NULL DEFAULT 0,
    "messageCount" INTEGER NOT NULL DEFAULT 0,
    "diskBytes" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mailbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailboxAccess" (
    "mailboxId" INTEGER NOT NULL,
    "subjectKind" "AccessSubjectKind" NOT NULL,
    "subjectRefId" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MailboxAccess_pkey" PRIMARY KEY ("mailboxId","subjectKind","subjectRefId")
);

-- CreateTable
CREATE TABLE "MailboxCrmQueueMember" (
    "mailboxId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "MailboxCrmQueueMember_pkey" PRIMARY KEY ("mailboxId","userId")
);

-- CreateTable
CREATE TABLE "MailboxBlacklistEntry" (
    "id" SERIAL NOT NULL,
    "mailboxId" INTEGER NOT NULL,
    "pattern" TEXT NOT NULL,

    CONSTRAINT "MailboxBlacklistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailboxContact" (
    "id" SERIAL NOT NULL,
    "mailboxId" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,

    CONSTRAINT "MailboxContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GridPreference" (
    "userId" INTEGER NOT NULL,
    "gridKey" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "pageSize" INTEGER NOT NULL DEFAULT 20,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GridPreference_pkey" PRIMARY KEY ("userId","gridKey")
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "gridKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Call" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT NOT NULL,
    "employeeId" INTEGER,
    "direction" "CallDirection" NOT NULL,
    "status" "CallStatus" NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "lineNumber" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationSeconds" INTEGER NOT NULL DEFAULT 0,
    "crmEntityType" TEXT,
    "crmEntityId" INTEGER,
    "recordingPath" TEXT,
    "recordingBytes" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrmContact" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phones" TEXT[],
    "responsibleId" INTEGER,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrmContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrmLead" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "phones" TEXT[],
    "responsibleId" INTEGER,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrmLead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_lastName_firstName_idx" ON "User"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "User_kind_status_idx" ON "User"("kind", "status");

-- CreateIndex
CREATE INDEX "User_phones_idx" ON "User" USING GIN ("phones");

-- CreateIndex
CREATE UNIQUE INDEX "Department_path_key" ON "Department"("path");

-- CreateIndex
CREATE INDEX "Department_parentId_idx" ON "Department"("parentId");

-- CreateIndex
CREATE INDEX "Department_headId_idx" ON "Department"("headId");

-- CreateIndex
CREATE INDEX "Department_path_prefix_idx" ON "Department"("path" text_pattern_ops);

-- CreateIndex
CREATE INDEX "DepartmentMember_userId_idx" ON "DepartmentMember"("userId");

-- CreateIndex
CREATE INDEX "WorkGroupMember_userId_idx" ON "WorkGroupMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserGroup_name_key" ON "UserGroup"("name");

-- CreateIndex
CREATE INDEX "UserGroupMember_userId_idx" ON "UserGroupMember"("userId");

-- CreateIndex
CREATE INDEX "Role_module_sortOrder_idx" ON "Role"("module", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Role_module_systemCode_key" ON "Role"("module", "systemCode");

-- CreateIndex
CREATE INDEX "RoleAssignment_subjectKind_subjectRefId_idx" ON "RoleAssignment"("subjectKind", "subjectRefId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_roleId_subjectKind_subjectRefId_key" ON "RoleAssignment"("roleId", "subjectKind", "subjectRefId");

-- CreateIndex
CREATE INDEX "Mailbox_lastSyncAt_idx" ON "Mailbox"("lastSyncAt");

-- CreateIndex
CREATE INDEX "Mailbox_diskBytes_idx" ON "Mailbox"("diskBytes");

-- CreateIndex
CREATE INDEX "Mailbox_unreadCount_idx" ON "Mailbox"("unreadCount");

-- CreateIndex
CREATE INDEX "Mailbox_email_idx" ON "Mailbox"("email");

-- CreateIndex
CREATE INDEX "Mailbox_nextSyncAt_idx" ON "Mailbox"("nextSyncAt");

-- CreateIndex
CREATE UNIQUE INDEX "Mailbox_ownerId_email_key" ON "Mailbox"("ownerId", "email");

-- CreateIndex
CREATE INDEX "MailboxAccess_subjectKind_subjectRefId_idx" ON "MailboxAccess"("subjectKind", "subjectRefId");

-- CreateIndex
CREATE INDEX "MailboxCrmQueueMember_userId_idx" ON "MailboxCrmQueueMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MailboxBlacklistEntry_mailboxId_pattern_key" ON "MailboxBlacklistEntry"("mailboxId", "pattern");

-- CreateIndex
CREATE UNIQUE INDEX "MailboxContact_mailboxId_email_key" ON "MailboxContact"("mailboxId", "email");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_userId_gridKey_name_key" ON "SavedFilter"("userId", "gridKey", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Call_externalId_key" ON "Call"("externalId");

-- CreateIndex
CREATE INDEX "Call_employeeId_startedAt_idx" ON "Call"("employeeId", "startedAt");

-- CreateIndex
CREATE INDEX "Call_startedAt_idx" ON "Call"("startedAt");

-- CreateIndex
CREATE INDEX "Call_phoneNumber_idx" ON "Call"("phoneNumber");

-- CreateIndex
CREATE INDEX "CrmContact_email_idx" ON "CrmContact"("email");

-- CreateIndex
CREATE INDEX "CrmContact_phones_idx" ON "CrmContact" USING GIN ("phones");

-- CreateIndex
CREATE INDEX "CrmLead_email_idx" ON "CrmLead"("email");

-- CreateIndex
CREATE INDEX "CrmLead_phones_idx" ON "CrmLead" USING GIN ("phones");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_headId_fkey" FOREIGN KEY ("headId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentMember" ADD CONSTRAINT "DepartmentMember_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentMember" ADD CONSTRAINT "DepartmentMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkGroupMember" ADD CONSTRAINT "WorkGroupMember_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkGroupMember" ADD CONSTRAINT "WorkGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserGroupMember" ADD CONSTRAINT "UserGroupMember_userGroupId_fkey" FOREIGN KEY ("userGroupId") REFERENCES "UserGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserGroupMember" ADD CONSTRAINT "UserGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePermission" ADD CONSTRAINT "RolePermission_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_connectedById_fkey" FOREIGN KEY ("connectedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailboxAccess" ADD CONSTRAINT "MailboxAccess_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailboxCrmQueueMember" ADD CONSTRAINT "MailboxCrmQueueMember_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailboxCrmQueueMember" ADD CONSTRAINT "MailboxCrmQueueMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailboxBlacklistEntry" ADD CONSTRAINT "MailboxBlacklistEntry_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailboxContact" ADD CONSTRAINT "MailboxContact_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GridPreference" ADD CONSTRAINT "GridPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedFilter" ADD CONSTRAINT "SavedFilter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmContact" ADD CONSTRAINT "CrmContact_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmLead" ADD CONSTRAINT "CrmLead_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
