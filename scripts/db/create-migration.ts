// npm run db:migrate:create -- <name>: the next migration, from the schema the last one was made from.
import { openDatabase } from "../lib/database.ts";
import { createMigration } from "../lib/migrations.ts";

const name = process.argv.slice(2).join("_");
if (!name) {
  console.error("usage: npm run db:migrate:create -- <name>");
  process.exit(1);
}
const database = await openDatabase();
try {
  const dir = await createMigration(database.url, name);
  console.log(dir ? `created ${dir}/migration.sql` : "schema unchanged: no migration created");
} finally {
  await database.stop();
}
