// User phone settings (SPEC §5.1 "user settings"): device, extension and outgoing number of the
// users in the viewer's userSettings scope — own · own department's users · any. The list and
// every save use the same scope; a user outside it is reported exactly like one that does not exist.
import "server-only";
import type { Access } from "../access/access.ts";
import { scopeIncludes, userIdFilter } from "../access/scopes.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database } from "../db.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { UpdatePhoneSettingsInput } from "./page-schemas.ts";

export interface PhoneSettingsSearch {
  query: string;
  page: number;
  perPage: number;
}

export async function listPhoneSettings(db: Database, access: Access, search: PhoneSettingsSearch) {
  const scope = await access.phoneSettingsUsers();
  const words = search.query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const where: Prisma.UserWhereInput = {
    id: userIdFilter(scope),
    AND: words.map((word) => ({
      OR: [
        { firstName: { contains: word, mode: "insensitive" } },
        { lastName: { contains: word, mode: "insensitive" } },
        { email: { contains: word, mode: "insensitive" } },
        { phoneSettings: { is: { extension: { startsWith: word } } } },
        { phoneSettings: { is: { device: { contains: word, mode: "insensitive" } } } },
      ],
    })),
  };
  const [total, rows] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      skip: (search.page - 1) * search.perPage,
      take: search.perPage,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        kind: true,
        phoneSettings: {
          select: {
            device: true,
            extension: true,
            outgoingNumber: { select: { id: true, number: true, label: true } },
          },
        },
      },
    }),
  ]);
  return { total, rows };
}

/** The numbers a user's calls may go out from, and the company default (null when none is set). */
export async function outgoingNumberChoices(db: Database) {
  const [numbers, settings] = await Promise.all([
    db.phoneNumber.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, label: true } }),
    db.telephonySettings.findUnique({
      where: { id: 1 },
      select: { defaultOutgoingNumber: { select: { id: true, number: true, label: true } } },
    }),
  ]);
  return { numbers, companyDefault: settings?.defaultOutgoingNumber ?? null };
}

export async function updatePhoneSettings(db: Database, access: Access, input: UpdatePhoneSettingsInput) {
  // Out of scope and nonexistent read the same: the answer must not tell which users exist.
  const scope = await access.phoneSettingsUsers();
  if (!scopeIncludes(scope, input.userId)) throw new NotFoundError(`user ${input.userId}`);
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, phoneSettings: { select: { device: true, extension: true, outgoingNumberId: true } } },
  });
  if (!user) throw new NotFoundError(`user ${input.userId}`);

  const next = { device: input.device, extension: input.extension, outgoingNumberId: input.outgoingNumberId };
  const before = user.phoneSettings ?? { device: null, extension: null, outgoingNumberId: null };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => before[key] !== next[key]);
  if (changed.length === 0) return { changed: false };

  try {
    await db.$transaction(async (tx) => {
      if (input.outgoingNumberId !== null) {
        const number = await tx.phoneNumber.findUnique({ where: { id: input.outgoingNumberId }, select: { id: true } });
        if (!number) throw new ValidationError({ outgoingNumberId: "unknownPhoneNumber" });
      }
      if (input.extension !== null) {
        const holder = await tx.userPhoneSettings.findUnique({
          where: { extension: input.extension },
          select: { userId: true },
        });
        if (holder && holder.userId !== input.userId) throw new ValidationError({ extension: "extensionTaken" });
      }
      await tx.userPhoneSettings.upsert({
        where: { userId: input.userId },
        create: { userId: input.userId, ...next },
        update: next,
      });
      await recordAudit(tx, {
        actorId: access.userId,
        action: "phoneSettings.update",
        entityType: "User",
        entityId: input.userId,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, next[key]])),
      });
    });
  } catch (error) {
    // Two saves racing for the same extension: the unique index decides, the loser gets the field error.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ValidationError({ extension: "extensionTaken" });
    }
    throw error;
  }
  return { changed: true };
}
