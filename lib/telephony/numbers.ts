// Rented numbers and SIP/PBX connections (SPEC §5.1 "manage numbers"). A connection's password
// goes through the secrets vault, bound to its row, and never leaves the server: the page gets
// only whether one is stored. Callers check TELEPHONY.numbers first (the actions do).
import "server-only";
import type { Access } from "../access/access.ts";
import { normalizePhoneNumber } from "../access/outgoing.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Db } from "../db.ts";
import { DomainError, NotFoundError, ValidationError } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { encryptSecret } from "../mail/secrets.ts";
import type { AddNumberInput, SaveConnectionInput, UpdateNumberInput } from "./page-schemas.ts";

/** Binds a stored password to its connection, so a value copied to another row does not decrypt. */
export const sipSecretContext = (connectionId: number) => `sipConnection:${connectionId}:password`;

/** What the numbers page shows; deliberately without `passwordEnc`. */
export async function numbersOverview(db: Database) {
  const [numbers, connections, settings] = await Promise.all([
    db.phoneNumber.findMany({
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        label: true,
        connection: { select: { id: true, name: true } },
        _count: { select: { usedBy: true } },
      },
    }),
    db.sipConnection.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, host: true, port: true, login: true, _count: { select: { numbers: true } } },
    }),
    db.telephonySettings.findUnique({ where: { id: 1 }, select: { defaultOutgoingNumberId: true } }),
  ]);
  return { numbers, connections, defaultNumberId: settings?.defaultOutgoingNumberId ?? null };
}

async function checkConnection(db: Db, connectionId: number | null) {
  if (connectionId === null) return;
  const found = await db.sipConnection.findUnique({ where: { id: connectionId }, select: { id: true } });
  if (!found) throw new ValidationError({ connectionId: "unknownConnection" });
}

function duplicateNumber(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ValidationError({ number: "numberTaken" });
  }
  throw error;
}

export async function addNumber(db: Database, access: Access, input: AddNumberInput) {
  const number = normalizePhoneNumber(input.number);
  if (!/^\+?\d{5,15}$/.test(number)) throw new ValidationError({ number: "invalidPhoneNumber" });
  try {
    return await db.$transaction(async (tx) => {
      await checkConnection(tx, input.connectionId);
      const created = await tx.phoneNumber.create({
        data: { number, label: input.label, connectionId: input.connectionId },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: access.userId,
        action: "phoneNumber.create",
        entityType: "PhoneNumber",
        entityId: created.id,
        after: { number, label: input.label, connectionId: input.connectionId },
      });
      return created;
    });
  } catch (error) {
    duplicateNumber(error);
  }
}

export async function updateNumber(db: Database, access: Access, input: UpdateNumberInput) {
  await db.$transaction(async (tx) => {
    const before = await tx.phoneNumber.findUnique({
      where: { id: input.id },
      select: { label: true, connectionId: true },
    });
    if (!before) throw new NotFoundError(`phone number ${input.id}`);
    await checkConnection(tx, input.connectionId);
    await tx.phoneNumber.update({
      where: { id: input.id },
      data: { label: input.label, connectionId: input.connectionId },
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "phoneNumber.update",
      entityType: "PhoneNumber",
      entityId: input.id,
      before,
      after: { label: input.label, connectionId: input.connectionId },
    });
  });
}

/** Deleting a number in use would silently move its users to the default: refused with where it is used. */
export async function deleteNumber(db: Database, access: Access, id: number) {
  await db.$transaction(async (tx) => {
    const number = await tx.phoneNumber.findUnique({
      where: { id },
      select: { number: true, label: true, _count: { select: { usedBy: true, defaultFor: true } } },
    });
    if (!number) throw new NotFoundError(`phone number ${id}`);
    if (number._count.usedBy > 0 || number._count.defaultFor > 0) {
      throw new DomainError("CONFLICT", `phone number ${id} is in use`, undefined, {
        users: String(number._count.usedBy),
        companyDefault: String(number._count.defaultFor > 0),
      });
    }
    await tx.phoneNumber.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "phoneNumber.delete",
      entityType: "PhoneNumber",
      entityId: id,
      before: { number: number.number, label: number.label },
    });
  });
}

/**
 * Creates or edits a connection. An empty password on edit keeps the stored one only while host,
 * port and login stay the same: a stored password is only ever sent to the endpoint it was typed
 * for (the mailbox rule, lib/mailboxes/settings.ts), so whoever repoints a connection types it again.
 */
export async function saveConnection(db: Database, access: Access, input: SaveConnectionInput) {
  const fields = { name: input.name, host: input.host, port: input.port, login: input.login };
  return db.$transaction(async (tx) => {
    if (input.id === undefined) {
      if (input.password === undefined) throw new ValidationError({ password: "required" });
      // The id is part of the encryption context, so the row exists before its password does.
      const created = await tx.sipConnection.create({ data: { ...fields, passwordEnc: "" }, select: { id: true } });
      await tx.sipConnection.update({
        where: { id: created.id },
        data: { passwordEnc: encryptSecret(input.password, sipSecretContext(created.id)) },
      });
      await recordAudit(tx, {
        actorId: access.userId,
        action: "sipConnection.create",
        entityType: "SipConnection",
        entityId: created.id,
        after: { ...fields, passwordChanged: true },
      });
      return { id: created.id };
    }
    const before = await tx.sipConnection.findUnique({
      where: { id: input.id },
      select: { name: true, host: true, port: true, login: true },
    });
    if (!before) throw new NotFoundError(`SIP connection ${input.id}`);
    const endpointChanged = before.host !== fields.host || before.port !== fields.port || before.login !== fields.login;
    if (endpointChanged && input.password === undefined)
      throw new ValidationError({ password: "passwordForNewServer" });
    const changedKeys = (Object.keys(fields) as (keyof typeof fields)[]).filter((key) => before[key] !== fields[key]);
    if (changedKeys.length === 0 && input.password === undefined) return { id: input.id };
    await tx.sipConnection.update({
      where: { id: input.id },
      data: {
        ...fields,
        ...(input.password !== undefined
          ? { passwordEnc: encryptSecret(input.password, sipSecretContext(input.id)) }
          : {}),
      },
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "sipConnection.update",
      entityType: "SipConnection",
      entityId: input.id,
      before: Object.fromEntries(changedKeys.map((key) => [key, before[key]])),
      after: {
        ...Object.fromEntries(changedKeys.map((key) => [key, fields[key]])),
        ...(input.password !== undefined ? { passwordChanged: true } : {}),
      },
    });
    return { id: input.id };
  });
}

/** A connection that numbers still go through is not deleted: they would silently lose their line. */
export async function deleteConnection(db: Database, access: Access, id: number) {
  await db.$transaction(async (tx) => {
    const connection = await tx.sipConnection.findUnique({
      where: { id },
      select: { name: true, host: true, port: true, login: true, _count: { select: { numbers: true } } },
    });
    if (!connection) throw new NotFoundError(`SIP connection ${id}`);
    const { _count, ...before } = connection;
    if (_count.numbers > 0) {
      throw new DomainError("CONFLICT", `SIP connection ${id} is in use`, undefined, {
        numbers: String(_count.numbers),
      });
    }
    await tx.sipConnection.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "sipConnection.delete",
      entityType: "SipConnection",
      entityId: id,
      before,
    });
  });
}
