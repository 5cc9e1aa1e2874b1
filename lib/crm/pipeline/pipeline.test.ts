// The CRM options of a mailbox (SPEC §6) against a real Dovecot and PostgreSQL: what mail makes
// of leads, contacts, activities, the queue, the blacklist, vCards and the N-day backfill.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../../scripts/lib/dovecot.ts";
import { createUser } from "../../../tests/factories.ts";
import { CRM_PASSWORD, crmEffects, crmMailbox, deliver } from "../../../tests/fixtures/crm-mail.ts";
import { db } from "../../db.ts";
import { processMailboxCrm } from "./process.ts";

const DAY = 86_400_000;

describe("CRM pipeline (real Dovecot)", () => {
  let dovecot: Dovecot;
  let owner: { id: number };
  let anna: { id: number };
  let ben: { id: number };
  let carla: { id: number };
  beforeAll(async () => {
    dovecot = await Dovecot.start();
    owner = await createUser(db);
    anna = await createUser(db);
    ben = await createUser(db);
    carla = await createUser(db);
  });
  afterAll(() => dovecot?.stop());

  const queue = (...ids: number[]) => ({ create: ids.map((userId, position) => ({ userId, position })) });

  it("a new sender → one lead for the next queue member; the next mail of that sender → an activity on it", async () => {
    const box = await crmMailbox(
      db,
      dovecot,
      owner.id,
      {
        inbox: [
          { from: "Anna Client <anna@client-one.test>", to: "me@test.local", subject: "Quote for 40 chairs" },
          { from: "Bruno <bruno@client-two.test>", to: "me@test.local", subject: "Samples" },
        ],
      },
      { crmQueue: queue(anna.id, ben.id), crmSource: "Website mail" },
    );
    const report = await processMailboxCrm(db, box.id);
    expect(report).toMatchObject({ messages: 2, leads: 2, activities: 2 });
    const leads = await db.crmLead.findMany({ where: { mailboxId: box.id }, orderBy: { id: "asc" } });
    expect(leads.map((lead) => [lead.email, lead.title, lead.name, lead.responsibleId, lead.source])).toEqual([
      ["anna@client-one.test", "Quote for 40 chairs", "Anna Client", anna.id, "Website mail"],
      ["bruno@client-two.test", "Samples", "Bruno", ben.id, "Website mail"],
    ]);
    // Assigned leads are announced to their new responsible person.
    expect(await db.notification.count({ where: { userId: anna.id, kind: "crmLeadAssigned" } })).toBe(1);

    await deliver(db, dovecot, box, [
      { from: "anna@client-one.test", to: "me@test.local", subject: "Re: Quote" },
      { from: "Dora <dora@client-three.test>", to: "me@test.local", subject: "Hello" },
    ]);
    await processMailboxCrm(db, box.id);
    expect(await db.crmActivity.count({ where: { leadId: leads[0]!.id } })).toBe(2);
    // The queue goes on where it stopped: Anna, Ben, then Anna again.
    const dora = await db.crmLead.findFirstOrThrow({ where: { email: "dora@client-three.test" } });
    expect(dora.responsibleId).toBe(anna.id);
    expect(await crmEffects(db, box.id)).toEqual({ leads: 3, contacts: 0, activities: 4, marks: 4 });
  });

  it("an existing contact's mail with routing on → an activity and a notification for their responsible person", async () => {
    const contact = await db.crmContact.create({
      data: { name: "Carla Kunde", emails: ["carla@kunde.test"], responsibleId: carla.id },
    });
    const box = await crmMailbox(
      db,
      dovecot,
      owner.id,
      { inbox: [{ from: "Carla <Carla@Kunde.test>", to: "me@test.local", subject: "Order 17" }] },
      { crmRouteToResponsible: true },
    );
    await processMailboxCrm(db, box.id);
    const activities = await db.crmActivity.findMany({ where: { contactId: contact.id } });
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ kind: "EMAIL_IN", responsibleId: carla.id, subject: "Order 17" });
    const notes = await db.notification.findMany({ where: { userId: carla.id, kind: "crmEmailFromClient" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      link: `/crm/contacts/${contact.id}`,
      params: { client: "Carla Kunde", subject: "Order 17" },
    });
    expect(await crmEffects(db, box.id)).toMatchObject({ leads: 0, contacts: 0, activities: 1 });
  });

  it("blacklisted domain → the message is moved to spam on the server and reaches no CRM record", async () => {
    const box = await crmMailbox(
      db,
      dovecot,
      owner.id,
      {
        inbox: [
          { from: "Spammer <offers@spam-domain.test>", to: "me@test.local", subject: "WIN" },
          { from: "Good <good@fine.test>", to: "me@test.local", subject: "Real question" },
        ],
      },
      { blacklist: { create: [{ pattern: "@spam-domain.test" }] } },
    );
    const report = await processMailboxCrm(db, box.id);
    expect(report).toMatchObject({ blacklisted: 1, leads: 1 });
    const server = await dovecot.snapshot(box.login, CRM_PASSWORD);
    expect(Object.keys(server.INBOX!)).toHaveLength(1);
    expect(Object.keys(server.Junk!)).toHaveLength(1);
    // And the stored inbox agrees at once: the moved message is no longer listed there.
    const inbox = await db.mailFolder.findFirstOrThrow({ where: { mailboxId: box.id, path: "INBOX" } });
    expect((await db.mailMessage.findMany({ where: { folderId: inbox.id } })).map((m) => m.subject)).toEqual([
      "Real question",
    ]);
    expect(await db.crmLead.count({ where: { email: "offers@spam-domain.test" } })).toBe(0);
    expect(await db.crmProcessedMessage.count({ where: { mailboxId: box.id, outcome: "BLACKLISTED" } })).toBe(1);
  });

  it("a vCard attached to a message → a contact with its addresses, numbers and company", async () => {
    const vcard =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marco Rossi\r\nORG:Costa Verde\r\nEMAIL:marco@costaverde.test\r\nTEL:+39 02 555 1234\r\nEND:VCARD\r\n";
    const box = await crmMailbox(
      db,
      dovecot,
      owner.id,
      { inbox: [{ from: "Assistant <assistant@costaverde.test>", to: "me@test.local", subject: "Card", vcard }] },
      { crmIncomingNewAction: "NONE", crmQueue: queue(ben.id) },
    );
    const report = await processMailboxCrm(db, box.id);
    expect(report).toMatchObject({ contacts: 1, leads: 0 });
    const contact = await db.crmContact.findFirstOrThrow({ where: { mailboxId: box.id } });
    expect(contact).toMatchObject({
      name: "Marco Rossi",
      emails: ["marco@costaverde.test"],
      phones: ["+39025551234"],
      company: "Costa Verde",
      responsibleId: ben.id,
    });
  });

  it("outgoing mail to a new address → a contact; listed senders → a new lead for every message", async () => {
    const box = await crmMailbox(
      db,
      dovecot,
      owner.id,
      {
        sent: [{ from: "me@test.local", to: "New Partner <partner@new.test>", cc: "me@test.local", subject: "Offer" }],
        inbox: [
          { from: "forms@webshop.test", to: "me@test.local", subject: "Web form 1" },
          { from: "forms@webshop.test", to: "me@test.local", subject: "Web form 2" },
        ],
      },
      { crmLeadForEveryFrom: ["@webshop.test"] },
    );
    await processMailboxCrm(db, box.id);
    const contact = await db.crmContact.findFirstOrThrow({ where: { mailboxId: box.id } });
    expect(contact).toMatchObject({ name: "New Partner", emails: ["partner@new.test"], responsibleId: owner.id });
    expect(await db.crmActivity.count({ where: { contactId: contact.id, kind: "EMAIL_OUT" } })).toBe(1);
    const leads = await db.crmLead.findMany({ where: { mailboxId: box.id }, orderBy: { id: "asc" } });
    expect(leads.map((lead) => lead.title)).toEqual(["Web form 1", "Web form 2"]);
  });

  it("the N-day backfill: on enabling CRM, messages of the last N days are processed once, older ones never", async () => {
    const now = Date.now();
    const box = await crmMailbox(
      db,
      dovecot,
      owner.id,
      {
        inbox: [
          { from: "old@past.test", to: "me@test.local", subject: "Old", date: new Date(now - 20 * DAY) },
          { from: "recent@now.test", to: "me@test.local", subject: "Recent", date: new Date(now - 2 * DAY) },
          { from: "week@now.test", to: "me@test.local", subject: "Five days", date: new Date(now - 5 * DAY) },
        ],
      },
      // Synced with CRM off: nothing is processed until it is switched on.
      { crmEnabled: false, crmProcessDays: 3 },
    );
    expect(await processMailboxCrm(db, box.id)).toMatchObject({ messages: 0 });
    await db.mailbox.update({ where: { id: box.id }, data: { crmEnabled: true } });
    await db.crmMailboxState.create({ data: { mailboxId: box.id, backfillDays: 3 } });
    expect(await processMailboxCrm(db, box.id)).toMatchObject({ messages: 1, leads: 1, backfilled: true });
    expect((await db.crmLead.findMany({ where: { mailboxId: box.id } })).map((lead) => lead.email)).toEqual([
      "recent@now.test",
    ]);
    // N widened to 7: the next backfill adds the five-day-old message, nothing twice.
    await db.mailbox.update({ where: { id: box.id }, data: { crmProcessDays: 7 } });
    await db.crmMailboxState.update({ where: { mailboxId: box.id }, data: { backfillDays: 7 } });
    expect(await processMailboxCrm(db, box.id)).toMatchObject({ messages: 1, alreadyDone: 1 });
    expect(await processMailboxCrm(db, box.id)).toMatchObject({ messages: 0 });
    expect(await crmEffects(db, box.id)).toEqual({ leads: 2, contacts: 0, activities: 2, marks: 2 });
  });

  it("incoming new address → a contact when so set; outgoing with 'nothing' makes nothing new but reaches known clients; colleagues are never clients", async () => {
    const colleague = await createUser(db, { email: "colleague@company.test" });
    const lead = await db.crmLead.create({
      data: { title: "Known", email: "known@client.test", responsibleId: anna.id },
    });
    const box = await crmMailbox(
      db,
      dovecot,
      owner.id,
      {
        inbox: [
          { from: "Nora New <nora@newclient.test>", to: "me@test.local", subject: "Hi" },
          { from: `Colleague <${colleague.email}>`, to: "me@test.local", subject: "Lunch?" },
        ],
        sent: [
          { from: "me@test.local", to: "Stranger <stranger@unknown.test>", subject: "Cold mail" },
          { from: "me@test.local", to: "known@client.test", cc: colleague.email, subject: "Your order" },
        ],
      },
      { crmIncomingNewAction: "CONTACT", crmOutgoingNewAction: "NONE" },
    );
    await processMailboxCrm(db, box.id);
    expect((await db.crmContact.findMany({ where: { mailboxId: box.id } })).map((contact) => contact.emails)).toEqual([
      ["nora@newclient.test"],
    ]);
    expect(await db.crmLead.count({ where: { mailboxId: box.id } })).toBe(0);
    const outgoing = await db.crmActivity.findMany({ where: { leadId: lead.id } });
    expect(outgoing).toMatchObject([{ kind: "EMAIL_OUT", subject: "Your order", responsibleId: owner.id }]);
    expect(await db.crmContact.count({ where: { emails: { has: colleague.email } } })).toBe(0);
    expect(await crmEffects(db, box.id)).toEqual({ leads: 0, contacts: 1, activities: 2, marks: 4 });
  });

  it("mail without a Message-ID is known by date, sender and size: processed once, also after a UIDVALIDITY reset", async () => {
    const date = new Date(Date.now() - DAY);
    const box = await crmMailbox(db, dovecot, owner.id, {
      inbox: [
        { from: "noid@plain.test", to: "me@test.local", subject: "No id", date, messageId: null },
        { from: "noid2@plain.test", to: "me@test.local", subject: "No id either", date, messageId: null },
      ],
    });
    await processMailboxCrm(db, box.id);
    const marks = await db.crmProcessedMessage.findMany({ where: { mailboxId: box.id } });
    expect(marks.map((mark) => mark.messageKey.slice(0, 2))).toEqual(["h:", "h:"]);
    await dovecot.doveadm(["mailbox", "update", "-u", box.login, "--uid-validity", "555001", "INBOX"]);
    await deliver(db, dovecot, box, []);
    expect(await processMailboxCrm(db, box.id)).toMatchObject({ messages: 0, alreadyDone: 2 });
    expect(await crmEffects(db, box.id)).toEqual({ leads: 2, contacts: 0, activities: 2, marks: 2 });
  });
});
