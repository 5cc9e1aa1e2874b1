// CSV export of the filtered grid (SPEC §2.3): the visible columns, every matching row the viewer
// may see, streamed page by page. Metadata only; no secrets exist in these rows to begin with.
import type { Access } from "../../access/access.ts";
import { describeSubjects, type SubjectLabel } from "../../access/subject-directory.ts";
import { type SubjectRef, subjectKey } from "../../access/subject-ref.ts";
import type { Database } from "../../db.ts";
import { csvCell } from "../../grid/csv.ts";
import { megabytes } from "../../utils.ts";
import type { GridColumn, GridQuery } from "./params.ts";
import { queryGrid } from "./query.ts";

const cell = csvCell;

export type CsvHeaders = Record<GridColumn | "unread", string>;

const EXPORTED: Record<GridColumn, boolean> = {
  owner: true,
  email: true,
  lastSync: true,
  crm: true,
  disk: true,
  manage: false,
  name: true,
  access: true,
  queue: true,
  sender: true,
};

/** How a share reads in a cell; the route passes the translated wording of groups and roles. */
export type SubjectText = (ref: SubjectRef, label: SubjectLabel | undefined) => string;
const plainSubjectText: SubjectText = (ref, label) => label?.name ?? ref.kind;

export async function* gridCsv(
  db: Database,
  access: Access,
  query: GridQuery,
  columns: GridColumn[],
  headers: CsvHeaders,
  options: { timeZone?: string; subjectText?: SubjectText } = {},
) {
  const subjectText = options.subjectText ?? plainSubjectText;
  const visible = columns.filter((column) => EXPORTED[column]);
  const withUnread = visible.flatMap((column) => (column === "email" ? (["email", "unread"] as const) : [column]));
  const header = `\uFEFF${withUnread.map((column) => cell(headers[column])).join(",")}\r\n`;
  const pageSize = 1000;
  for (let page = 1; ; page += 1) {
    const { rows } = await queryGrid(db, access, { ...query, page, perPage: pageSize }, { timeZone: options.timeZone });
    const ids = rows.map((row) => row.id);
    const [shares, queue] = await Promise.all([
      visible.includes("access")
        ? db.mailboxAccess.findMany({
            where: { mailboxId: { in: ids } },
            select: { mailboxId: true, subjectKind: true, subjectRefId: true },
          })
        : [],
      visible.includes("queue")
        ? db.mailboxCrmQueueMember.findMany({
            where: { mailboxId: { in: ids } },
            orderBy: { position: "asc" },
            select: { mailboxId: true, userId: true },
          })
        : [],
    ]);
    const refs: SubjectRef[] = [
      ...shares.map((share) => ({ kind: share.subjectKind, refId: share.subjectRefId })),
      ...queue.map((member) => ({ kind: "USER" as const, refId: member.userId })),
    ];
    const labels = refs.length ? await describeSubjects(db, refs) : {};
    const names = (list: SubjectRef[]) => list.map((ref) => subjectText(ref, labels[subjectKey(ref)])).join("; ");
    const values = (row: (typeof rows)[number]): Record<GridColumn | "unread", unknown> => ({
      owner: `${row.ownerFirstName} ${row.ownerLastName}`,
      email: row.email,
      unread: row.unreadCount,
      lastSync: row.lastSyncAt?.toISOString() ?? "",
      crm: row.crmEnabled ? 1 : 0,
      disk: megabytes(row.diskBytes).toFixed(2),
      manage: "",
      name: row.name,
      access: names(
        shares
          .filter((share) => share.mailboxId === row.id)
          .map((share) => ({ kind: share.subjectKind, refId: share.subjectRefId })),
      ),
      queue: names(
        queue
          .filter((member) => member.mailboxId === row.id)
          .map((member) => ({ kind: "USER" as const, refId: member.userId })),
      ),
      sender: row.senderName ?? "",
    });
    const text = rows.map((row) => `${withUnread.map((column) => cell(values(row)[column])).join(",")}\r\n`).join("");
    // The header goes out with the first page, not before it: the first query has run before
    // anything is sent, so an export that cannot start is an HTTP error (startTextStream).
    yield page === 1 ? header + text : text;
    if (rows.length < pageSize) return;
  }
}
