-- CreateIndex
CREATE INDEX "Call_crmEntityType_crmEntityId_startedAt_idx" ON "Call"("crmEntityType", "crmEntityId", "startedAt");

-- CreateIndex
CREATE INDEX "Call_phoneNumber_trgm_idx" ON "Call" USING GIN ("phoneNumber" gin_trgm_ops);
