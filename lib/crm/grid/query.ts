// One page of leads or contacts (every employee sees the CRM; lib/access/crm-rights.ts), filtered
// and sorted in the database, page and total in one transaction.
import "server-only";
import type { Database } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { CrmGridQuery } from "./params.ts";

const responsible = { select: { id: true, firstName: true, lastName: true } } as const;

export async function leadPage(db: Database, viewerId: number, query: CrmGridQuery) {
  const where: Prisma.CrmLeadWhereInput = {
    ...(query.q
      ? {
          OR: [
            { title: { contains: query.q, mode: "insensitive" } },
            { name: { contains: query.q, mode: "insensitive" } },
            { email: { contains: query.q.toLowerCase() } },
          ],
        }
      : {}),
    ...(query.status.length > 0 ? { status: { in: query.status } } : {}),
    ...(query.mine ? { responsibleId: viewerId } : {}),
  };
  const orderBy: Prisma.CrmLeadOrderByWithRelationInput[] =
    query.sort === "name" ? [{ title: query.dir }, { id: query.dir }] : [{ createdAt: query.dir }, { id: query.dir }];
  const [rows, total] = await db.$transaction([
    db.crmLead.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: {
        id: true,
        title: true,
        name: true,
        email: true,
        status: true,
        source: true,
        createdAt: true,
        responsible,
      },
    }),
    db.crmLead.count({ where }),
  ]);
  return { rows, total };
}

export async function contactPage(db: Database, viewerId: number, query: CrmGridQuery) {
  const where: Prisma.CrmContactWhereInput = {
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { company: { contains: query.q, mode: "insensitive" } },
            { emails: { has: query.q.toLowerCase() } },
          ],
        }
      : {}),
    ...(query.mine ? { responsibleId: viewerId } : {}),
  };
  const orderBy: Prisma.CrmContactOrderByWithRelationInput[] =
    query.sort === "name" ? [{ name: query.dir }, { id: query.dir }] : [{ createdAt: query.dir }, { id: query.dir }];
  const [rows, total] = await db.$transaction([
    db.crmContact.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: {
        id: true,
        name: true,
        emails: true,
        phones: true,
        company: true,
        source: true,
        createdAt: true,
        responsible,
      },
    }),
    db.crmContact.count({ where }),
  ]);
  return { rows, total };
}

export type LeadRow = Awaited<ReturnType<typeof leadPage>>["rows"][number];
export type ContactRow = Awaited<ReturnType<typeof contactPage>>["rows"][number];
