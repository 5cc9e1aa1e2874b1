// The employee directory (Company › Employees): employees only, never extranet users.
import type { Database } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export interface EmployeeSearch {
  query: string;
  page: number;
  perPage: number;
}

export async function searchEmployees(db: Database, { query, page, perPage }: EmployeeSearch) {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const where: Prisma.UserWhereInput = {
    kind: "EMPLOYEE",
    AND: words.map((word) => ({
      OR: [
        { firstName: { contains: word, mode: "insensitive" } },
        { lastName: { contains: word, mode: "insensitive" } },
        { email: { contains: word, mode: "insensitive" } },
        { position: { contains: word, mode: "insensitive" } },
        { phones: { has: word.replace(/[^\d+]/g, "") } },
      ],
    })),
  };
  const [total, rows] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        position: true,
        phones: true,
        status: true,
        isPortalAdmin: true,
        lastActivityAt: true,
        departmentMemberships: { select: { department: { select: { id: true, name: true, headId: true } } } },
        headedDepartments: { select: { id: true, name: true } },
      },
    }),
  ]);
  return { total, rows };
}
