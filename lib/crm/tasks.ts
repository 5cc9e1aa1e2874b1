// CRM tasks (SPEC §6, §3.6 "create a task from a message"): for oneself or a colleague, with an
// optional deadline, about a message (kept by its UID-free identity) and/or a lead or contact.
import "server-only";
import type { z } from "zod";
import type { Access } from "../access/access.ts";
import { canEditCrmTask, canUseCrm } from "../access/crm-rights.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Db } from "../db.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import { notify } from "../notifications/index.ts";
import { resolveMessage } from "./messages.ts";
import { findRecord, recordColumns } from "./records.ts";
import { type CreateTaskInput, createTaskInput, type setTaskStatusInput } from "./schemas.ts";

/** A date alone means "by the end of that day". */
function deadlineOf(value: string | null): Date | null {
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

export function taskLink(taskId: number) {
  return `/crm/tasks?task=${taskId}`;
}

/**
 * Creates a task. Webmail calls this for "create a task from a message" with `message` set; the CRM
 * pages with `record` set. Validates its input itself, so every caller gets the same rules.
 */
export async function createTask(db: Database, access: Access, raw: CreateTaskInput) {
  if (!canUseCrm(access)) throw new ForbiddenError("create a CRM task");
  const parsed = createTaskInput.safeParse(raw);
  if (!parsed.success)
    throw new ValidationError(
      Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "_", issue.message])),
    );
  const input = parsed.data;
  const responsibleId = input.responsibleId ?? access.userId;
  if (responsibleId !== access.userId) {
    const responsible = await db.user.findFirst({
      where: { id: responsibleId, kind: "EMPLOYEE", status: "ACTIVE" },
      select: { id: true },
    });
    if (!responsible) throw new ValidationError({ responsibleId: "ownerNotEmployee" });
  }
  const message = input.message ? await resolveMessage(db, access, input.message) : null;
  const record = input.record ? await findRecord(db, access, input.record) : null;
  return db.$transaction(async (tx) => {
    const task = await tx.crmTask.create({
      data: {
        title: input.title,
        description: input.description,
        responsibleId,
        createdById: access.userId,
        deadline: deadlineOf(input.deadline),
        mailboxId: message?.mailboxId ?? null,
        messageKey: message?.key ?? null,
        messageSubject: message?.subject ?? null,
        ...recordColumns(input.record),
      },
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "crm.task.create",
      entityType: "CrmTask",
      entityId: task.id,
      after: {
        title: task.title,
        responsibleId,
        deadline: task.deadline,
        mailboxId: task.mailboxId,
        messageKey: task.messageKey,
        leadId: task.leadId,
        contactId: task.contactId,
      },
    });
    if (responsibleId !== access.userId)
      await notify(tx, {
        userId: responsibleId,
        kind: "crmTaskAssigned",
        params: { title: task.title, record: record?.title ?? "" },
        link: taskLink(task.id),
      });
    return task;
  });
}

export async function setTaskStatus(db: Database, access: Access, input: z.infer<typeof setTaskStatusInput>) {
  const task = canUseCrm(access) ? await db.crmTask.findUnique({ where: { id: input.taskId } }) : null;
  if (!task) throw new NotFoundError(`task ${input.taskId}`);
  if (!(await canEditCrmTask(db, access, task))) throw new ForbiddenError(`change task ${task.id}`);
  const status = input.done ? "DONE" : "OPEN";
  if (task.status === status) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.crmTask.update({
      where: { id: task.id },
      data: { status, completedAt: input.done ? new Date() : null },
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "crm.task.status",
      entityType: "CrmTask",
      entityId: task.id,
      before: { status: task.status },
      after: { status },
    });
  });
  return { changed: true };
}

/** Open tasks first (soonest deadline first), then the recently done ones. */
export async function myTasks(db: Db, userId: number, options: { includeDone: boolean }) {
  return db.crmTask.findMany({
    where: { responsibleId: userId, ...(options.includeDone ? {} : { status: "OPEN" }) },
    orderBy: [{ status: "asc" }, { deadline: { sort: "asc", nulls: "last" } }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      description: true,
      deadline: true,
      status: true,
      messageSubject: true,
      mailboxId: true,
      createdAt: true,
      createdBy: { select: { id: true, firstName: true, lastName: true } },
      lead: { select: { id: true, title: true } },
      contact: { select: { id: true, name: true } },
    },
  });
}
