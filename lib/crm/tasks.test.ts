// Tasks and message links as webmail will call them: createTask(db, access, input) and
// linkMessageToRecord(db, access, input), against a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createMailbox, createUser } from "../../tests/factories.ts";
import { loadAccess } from "../access/access.ts";
import { db } from "../db.ts";
import { linkMessageToRecord } from "./links.ts";
import { searchRecords } from "./records.ts";
import { createTask, myTasks, setTaskStatus } from "./tasks.ts";

describe("CRM tasks and message links", () => {
  let owner: { id: number };
  let colleague: { id: number };
  let outsider: { id: number };
  let external: { id: number };
  let mailboxId = 0;
  let leadId = 0;
  const ref = { folderPath: "INBOX", uid: 7 };

  beforeAll(async () => {
    owner = await createUser(db);
    colleague = await createUser(db);
    outsider = await createUser(db);
    external = await createUser(db, { kind: "EXTERNAL" });
    const department = await createDepartment(db, { headId: owner.id });
    await addMembers(db, department.id, [colleague.id]);
    const mailbox = await createMailbox(db, owner.id, { email: "owner@mail.test" });
    mailboxId = mailbox.id;
    const folder = await db.mailFolder.create({ data: { mailboxId, path: "INBOX", name: "INBOX" } });
    await db.mailMessage.create({
      data: {
        folderId: folder.id,
        uid: 7n,
        subject: "Quote please",
        fromAddress: "Client@Example.test",
        messageId: "<abc@example.test>",
        size: 1200,
        sentDate: new Date("2026-11-30T10:00:00Z"),
      },
    });
    leadId = (await db.crmLead.create({ data: { title: "Client lead", responsibleId: colleague.id } })).id;
  });

  it("creates a task from a message for a colleague: UID-free identity, audit, notification", async () => {
    const access = await loadAccess(db, owner.id);
    const task = await createTask(db, access, {
      title: "Answer the quote",
      responsibleId: colleague.id,
      deadline: "2026-12-10",
      message: { mailboxId, ...ref },
      record: { type: "lead", id: leadId },
    });
    expect(task).toMatchObject({
      responsibleId: colleague.id,
      createdById: owner.id,
      status: "OPEN",
      mailboxId,
      messageKey: "mid:abc@example.test",
      messageSubject: "Quote please",
      leadId,
    });
    expect(task.deadline?.toISOString()).toBe("2026-12-10T23:59:59.999Z");
    expect(await db.auditEvent.count({ where: { action: "crm.task.create", entityId: String(task.id) } })).toBe(1);
    expect(await db.notification.findMany({ where: { userId: colleague.id, kind: "crmTaskAssigned" } })).toHaveLength(
      1,
    );
    expect((await myTasks(db, colleague.id, { includeDone: false })).map((row) => row.id)).toContain(task.id);
  });

  it("refuses: an external user, an unreadable mailbox (as not found), bad input, an inactive responsible", async () => {
    await expect(createTask(db, await loadAccess(db, external.id), { title: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      createTask(db, await loadAccess(db, outsider.id), { title: "x", message: { mailboxId, ...ref } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createTask(db, await loadAccess(db, owner.id), { title: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { title: "required" },
    });
    await expect(
      createTask(db, await loadAccess(db, owner.id), { title: "x", responsibleId: external.id }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      createTask(db, await loadAccess(db, owner.id), { title: "x", record: { type: "contact", id: 999_999 } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("status: the responsible person and the creator may change it, someone else may not", async () => {
    const task = await createTask(db, await loadAccess(db, owner.id), {
      title: "Call back",
      responsibleId: colleague.id,
    });
    await expect(
      setTaskStatus(db, await loadAccess(db, outsider.id), { taskId: task.id, done: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await setTaskStatus(db, await loadAccess(db, colleague.id), { taskId: task.id, done: true })).toEqual({
      changed: true,
    });
    expect((await db.crmTask.findUniqueOrThrow({ where: { id: task.id } })).completedAt).not.toBeNull();
    expect(await setTaskStatus(db, await loadAccess(db, owner.id), { taskId: task.id, done: false })).toEqual({
      changed: true,
    });
  });

  it("links a message to a lead once: an email activity on its timeline, idempotent", async () => {
    const access = await loadAccess(db, owner.id);
    const input = { message: { mailboxId, ...ref }, record: { type: "lead" as const, id: leadId } };
    const first = await linkMessageToRecord(db, access, input);
    const again = await linkMessageToRecord(db, access, input);
    expect(first.created).toBe(true);
    expect(again).toEqual({ activityId: first.activityId, created: false });
    const activities = await db.crmActivity.findMany({ where: { leadId } });
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      kind: "EMAIL_IN",
      subject: "Quote please",
      fromAddress: "client@example.test",
      messageKey: "mid:abc@example.test",
      responsibleId: colleague.id,
    });
    await expect(linkMessageToRecord(db, await loadAccess(db, outsider.id), input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("finds leads and contacts for a link picker: employees only", async () => {
    await db.crmContact.create({
      data: { name: "Giulia Conti", emails: ["giulia@conti.test"], company: "Conti Arredi" },
    });
    const found = await searchRecords(db, await loadAccess(db, owner.id), "conti");
    expect(found).toEqual([
      { type: "contact", id: expect.any(Number), title: "Giulia Conti", detail: "giulia@conti.test" },
    ]);
    expect((await searchRecords(db, await loadAccess(db, owner.id), "Client lead")).map((match) => match.type)).toEqual(
      ["lead"],
    );
    expect(await searchRecords(db, await loadAccess(db, external.id), "conti")).toEqual([]);
  });
});
