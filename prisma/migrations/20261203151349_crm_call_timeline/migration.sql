-- CreateIndex
CREATE INDEX "Call_crmEntityId_crmEntityType_idx" ON "Call"("crmEntityId", "crmEntityType");
