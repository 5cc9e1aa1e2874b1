// npm run db:seed: starts the demo organisation over (every table is emptied first).
import { prepareRuntime } from "../lib/runtime.ts";

const runtime = await prepareRuntime();
const { seedDemo } = await import("../../lib/demo/seed.ts");
const { db, disconnectDb } = await import("../../lib/db.ts");
try {
  const result = await seedDemo(db, { force: true });
  console.log(
    `demo organisation: ${result.users} users, ${result.departments} departments, ${result.mailboxes} mailboxes`,
  );
} finally {
  await disconnectDb();
  await runtime.database.stop();
}
