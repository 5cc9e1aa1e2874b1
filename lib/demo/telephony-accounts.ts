// Demo telephony lines and money: the three rented numbers the seeded calls use, one cloud PBX
// connection, extensions for some employees, and a ledger (monthly top-ups, a charge for each
// answered outgoing call) so the numbers, phone-settings and balance pages are not empty on first start.
import type { Db } from "../db.ts";
import { encryptSecret } from "../mail/secrets.ts";
import { sipSecretContext } from "../telephony/numbers.ts";
import type { DemoOrg } from "./org.ts";
import type { Random } from "./random.ts";

const LINES = [
  { number: "+4930555100", label: "Berlin office" },
  { number: "+390255510", label: "Milano" },
  { number: "+97145551000", label: "Dubai" },
];

/** Cents per started minute by destination prefix: cheap at home, dearer abroad. */
function ratePerMinute(number: string): number {
  if (number.startsWith("+49")) return 2;
  if (number.startsWith("+39")) return 4;
  return 9;
}

export async function seedTelephonyAccounts(db: Db, random: Random, org: DemoOrg, now: Date) {
  const connection = await db.sipConnection.create({
    data: { name: "Cloud PBX", host: "sip.pbx.example.com", port: 5060, login: "demo-trunk", passwordEnc: "" },
  });
  await db.sipConnection.update({
    where: { id: connection.id },
    data: { passwordEnc: encryptSecret(`demo-${random.int(100000, 999999)}`, sipSecretContext(connection.id)) },
  });
  // Upserts: the numbers may already exist when another part of the seed registered the same lines.
  const numbers: { id: number }[] = [];
  for (const line of LINES) {
    numbers.push(
      await db.phoneNumber.upsert({
        where: { number: line.number },
        create: { ...line, connectionId: connection.id },
        update: {},
      }),
    );
  }

  // Extensions 101… for the first active employees (the demo accounts among them), in id order.
  const active = org.employees.filter((employee) => employee.status === "ACTIVE").map((employee) => employee.id);
  const withPhones = [...new Set([org.accounts.admin, org.accounts.employee, org.accounts.headSales, ...active])]
    .filter((id) => id !== undefined)
    .slice(0, 40);
  await db.userPhoneSettings.createMany({
    data: withPhones.map((userId, index) => ({
      userId,
      extension: String(101 + index),
      device: random.pick(["Yealink T54W", "Snom D785", "Softphone (desktop)", "Softphone (mobile)"]),
      outgoingNumberId: index % 5 === 0 ? numbers[index % numbers.length]!.id : null,
    })),
    skipDuplicates: true,
  });

  const calls = await db.call.findMany({
    where: { externalId: { startsWith: "demo-" }, direction: "OUTGOING", status: "ANSWERED" },
    orderBy: { id: "asc" },
    select: { id: true, phoneNumber: true, durationSeconds: true, startedAt: true },
  });
  const charges = calls.map((call) => ({
    kind: "CALL_CHARGE" as const,
    amountCents: -Math.max(1, Math.ceil(call.durationSeconds / 60) * ratePerMinute(call.phoneNumber)),
    currency: "EUR",
    description: `Call to ${call.phoneNumber}`,
    callId: call.id,
    at: new Date(call.startedAt.getTime() + call.durationSeconds * 1000),
  }));
  const topUps = [45, 30, 15, 1].map((daysAgo, index) => ({
    kind: "TOP_UP" as const,
    amountCents: index === 0 ? 50_000 : 20_000,
    currency: "EUR",
    description: index === 0 ? "Opening top-up" : "Monthly top-up",
    at: new Date(now.getTime() - daysAgo * 86_400_000),
  }));
  const adjustment = {
    kind: "ADJUSTMENT" as const,
    amountCents: 1_250,
    currency: "EUR",
    description: "Credit for a dropped-call incident",
    at: new Date(now.getTime() - 8 * 86_400_000),
  };
  await db.balanceEntry.createMany({ data: [...topUps, adjustment, ...charges] });
}
