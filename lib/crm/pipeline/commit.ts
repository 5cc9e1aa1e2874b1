// Writes a planned batch in one transaction: the mailbox's CRM lock, the authoritative "already
// processed?" check, locks on the addresses involved, the queue pointer (SELECT … FOR UPDATE), the
// new leads, contacts, activities and notifications, the processed marks and the folder's CRM
// cursor — all or nothing. A retried, raced or killed job therefore never doubles an effect.
import type pg from "pg";
import { inTransaction, type Sql } from "../../mail/sync/message-store.ts";
import { type CrmMessage, type CrmSettings, type KnownRecord, type Plan, planBatch, type RecordRef } from "./plan.ts";

/** Advisory-lock class of a mailbox's CRM processing (the object id is the mailbox id). */
const CRM_LOCK = 0x4352; // "CR"

export interface CursorStep {
  folderId: number;
  /** The folder's UIDVALIDITY when its UIDs were read: after a reset the cursor is not moved. */
  uidValidity: bigint;
  uid: number;
}

export interface CommitOptions {
  cursor?: CursorStep;
  /** Test hook: called inside the transaction after the records are written, before the marks. */
  fault?: (stage: "records-written") => void;
}

export interface CommitResult {
  plan: Plan | null;
  /** Messages already processed before (by an earlier run, another worker, another folder). */
  alreadyDone: number;
}

const json = (rows: unknown[]) => JSON.stringify(rows);

async function allocateIds(sql: Sql, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await sql.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id FROM generate_series(1, $2)`,
    [`"${table}"`, count],
  );
  return rows.map((row) => row.id);
}

async function knownRecords(sql: Sql, addresses: string[]): Promise<Map<string, KnownRecord>> {
  const known = new Map<string, KnownRecord>();
  const leads = await sql.query<{
    id: number;
    title: string;
    name: string | null;
    email: string;
    responsibleId: number | null;
  }>(`SELECT id, title, name, email, "responsibleId" FROM "CrmLead" WHERE email = ANY($1::text[]) ORDER BY id`, [
    addresses,
  ]);
  // The newest lead of an address is the one mail goes to; any contact wins over leads.
  for (const lead of leads.rows)
    known.set(lead.email, {
      ref: { type: "lead", id: lead.id },
      name: lead.name ?? lead.title,
      responsibleId: lead.responsibleId,
    });
  const contacts = await sql.query<{ id: number; name: string; emails: string[]; responsibleId: number | null }>(
    `SELECT id, name, emails, "responsibleId" FROM "CrmContact" WHERE emails && $1::text[] ORDER BY id DESC`,
    [addresses],
  );
  const wanted = new Set(addresses);
  const seen = new Set<string>();
  for (const contact of contacts.rows)
    for (const address of contact.emails)
      if (wanted.has(address) && !seen.has(address)) {
        seen.add(address);
        known.set(address, {
          ref: { type: "contact", id: contact.id },
          name: contact.name,
          responsibleId: contact.responsibleId,
        });
      }
  return known;
}

async function internalAddresses(sql: Sql, addresses: string[]): Promise<Set<string>> {
  const { rows } = await sql.query<{ email: string }>(
    `SELECT email FROM "User" WHERE email = ANY($1::text[]) UNION SELECT email FROM "Mailbox" WHERE email = ANY($1::text[])`,
    [addresses],
  );
  return new Set(rows.map((row) => row.email));
}

function addressesOf(messages: CrmMessage[]): string[] {
  const all = new Set<string>();
  for (const message of messages) {
    if (message.from) all.add(message.from.address);
    for (const party of message.recipients) all.add(party.address);
    for (const card of message.vcards) for (const address of card.emails) all.add(address);
  }
  return [...all];
}

async function writePlan(sql: Sql, settings: CrmSettings, plan: Plan, options: CommitOptions) {
  const leadIds = await allocateIds(sql, "CrmLead", plan.leads.length);
  const contactIds = await allocateIds(sql, "CrmContact", plan.contacts.length);
  const idOf = (ref: RecordRef) => ("id" in ref ? ref.id : (ref.type === "lead" ? leadIds : contactIds)[ref.index]!);
  if (plan.leads.length > 0)
    await sql.query(
      `INSERT INTO "CrmLead" (id, title, name, email, phones, source, "responsibleId", "mailboxId", "updatedAt")
       SELECT (r->>0)::int, r->>1, r->>2, r->>3, '{}', $2, (r->>4)::int, $3, now() FROM jsonb_array_elements($1::jsonb) r`,
      [
        json(plan.leads.map((lead, index) => [leadIds[index], lead.title, lead.name, lead.email, lead.responsibleId])),
        settings.source,
        settings.mailboxId,
      ],
    );
  if (plan.contacts.length > 0)
    await sql.query(
      `INSERT INTO "CrmContact" (id, name, emails, phones, company, source, "responsibleId", "mailboxId", "updatedAt")
       SELECT (r->>0)::int, r->>1, ARRAY(SELECT jsonb_array_elements_text(r->2)), ARRAY(SELECT jsonb_array_elements_text(r->3)),
              r->>4, $2, (r->>5)::int, $3, now() FROM jsonb_array_elements($1::jsonb) r`,
      [
        json(
          plan.contacts.map((contact, index) => [
            contactIds[index],
            contact.name,
            contact.emails,
            contact.phones,
            contact.company,
            contact.responsibleId,
          ]),
        ),
        settings.source,
        settings.mailboxId,
      ],
    );
  if (plan.activities.length > 0)
    await sql.query(
      `INSERT INTO "CrmActivity" (kind, "leadId", "contactId", "responsibleId", "mailboxId", "messageKey", subject,
                                  "fromAddress", "toAddresses", "occurredAt")
       SELECT (r->>0)::"CrmActivityKind", (r->>1)::int, (r->>2)::int, (r->>3)::int, $2, r->>4, r->>5, r->>6,
              ARRAY(SELECT jsonb_array_elements_text(r->7)), (r->>8)::timestamptz
       FROM jsonb_array_elements($1::jsonb) r`,
      [
        json(
          plan.activities.map((activity) => [
            activity.kind,
            activity.record.type === "lead" ? idOf(activity.record) : null,
            activity.record.type === "contact" ? idOf(activity.record) : null,
            activity.responsibleId,
            activity.messageKey,
            activity.subject,
            activity.fromAddress,
            activity.toAddresses,
            activity.occurredAt.toISOString(),
          ]),
        ),
        settings.mailboxId,
      ],
    );
  if (plan.notifications.length > 0)
    await sql.query(
      `INSERT INTO "Notification" ("userId", kind, params, link)
       SELECT (r->>0)::int, r->>1, r->2, r->>3 FROM jsonb_array_elements($1::jsonb) r`,
      [
        json(
          plan.notifications.map((item) => [
            item.userId,
            item.kind,
            item.params,
            `/crm/${item.record.type === "lead" ? "leads" : "contacts"}/${idOf(item.record)}`,
          ]),
        ),
      ],
    );
  options.fault?.("records-written");
  await sql.query(
    `INSERT INTO "CrmProcessedMessage" ("mailboxId", "messageKey", outcome, leads, contacts, activities)
     SELECT $2, r->>0, (r->>1)::"CrmOutcome", (r->>2)::int, (r->>3)::int, (r->>4)::int FROM jsonb_array_elements($1::jsonb) r`,
    [
      json(plan.marks.map((mark) => [mark.key, mark.outcome, mark.leads, mark.contacts, mark.activities])),
      settings.mailboxId,
    ],
  );
}

async function moveCursor(sql: Sql, cursor: CursorStep | undefined) {
  if (!cursor) return;
  await sql.query(`UPDATE "MailFolder" SET "crmUid" = GREATEST("crmUid", $2) WHERE id = $1 AND "uidValidity" = $3`, [
    cursor.folderId,
    cursor.uid,
    String(cursor.uidValidity),
  ]);
}

export function commitBatch(
  pool: pg.Pool,
  settings: CrmSettings,
  messages: CrmMessage[],
  options: CommitOptions = {},
): Promise<CommitResult> {
  return inTransaction(pool, async (sql) => {
    // One batch of a mailbox at a time: racing jobs of the same mailbox take turns here.
    await sql.query("SELECT pg_advisory_xact_lock($1::int, $2::int)", [CRM_LOCK, settings.mailboxId]);
    const unique = [...new Map(messages.map((message) => [message.key, message])).values()];
    const { rows: done } = await sql.query<{ messageKey: string }>(
      `SELECT "messageKey" FROM "CrmProcessedMessage" WHERE "mailboxId" = $1 AND "messageKey" = ANY($2::text[])`,
      [settings.mailboxId, unique.map((message) => message.key)],
    );
    const processed = new Set(done.map((row) => row.messageKey));
    const todo = unique.filter((message) => !processed.has(message.key));
    if (todo.length === 0) {
      await moveCursor(sql, options.cursor);
      return { plan: null, alreadyDone: processed.size };
    }
    // Two mailboxes' batches with the same new sender take turns too: one lead, not two. Locks
    // are taken in one global order (by key), so batches never wait on each other in a circle.
    const addresses = addressesOf(todo);
    await sql.query(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext('crm-address:' || a) AS k FROM unnest($1::text[]) a ORDER BY k) s`,
      [addresses],
    );
    const known = await knownRecords(sql, addresses);
    const internal = await internalAddresses(sql, addresses);
    await sql.query(`INSERT INTO "CrmMailboxState" ("mailboxId") VALUES ($1) ON CONFLICT DO NOTHING`, [
      settings.mailboxId,
    ]);
    const { rows: state } = await sql.query<{ queueNext: number }>(
      `SELECT "queueNext" FROM "CrmMailboxState" WHERE "mailboxId" = $1 FOR UPDATE`,
      [settings.mailboxId],
    );
    const plan = planBatch(settings, todo, known, internal, state[0]!.queueNext);
    await writePlan(sql, settings, plan, options);
    await sql.query(
      `UPDATE "CrmMailboxState" SET "queueNext" = "queueNext" + $2, "lastRunAt" = now() WHERE "mailboxId" = $1`,
      [settings.mailboxId, plan.queueSteps],
    );
    await moveCursor(sql, options.cursor);
    return { plan, alreadyDone: processed.size };
  });
}

/** A message that fails on its own is marked FAILED (with why), so it does not block the others. */
export async function markFailed(pool: pg.Pool, mailboxId: number, key: string, error: string) {
  await inTransaction(pool, async (sql) => {
    await sql.query(
      `INSERT INTO "CrmProcessedMessage" ("mailboxId", "messageKey", outcome, error) VALUES ($1, $2, 'FAILED', $3)
       ON CONFLICT DO NOTHING`,
      [mailboxId, key, error.slice(0, 500)],
    );
    await sql.query(
      `INSERT INTO "CrmMailboxState" ("mailboxId", "lastError", "lastErrorAt") VALUES ($1, $2, now())
       ON CONFLICT ("mailboxId") DO UPDATE SET "lastError" = EXCLUDED."lastError", "lastErrorAt" = now()`,
      [mailboxId, error.slice(0, 500)],
    );
  });
}
