// npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded database.
import { openDatabase } from "../lib/database.ts";
import { applyMigrations } from "../lib/migrations.ts";

const database = await openDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} finally {
  await database.stop();
}
