import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI tries to download its schema-engine binary before any command, and that
// host is unreachable here. `prisma generate` never uses the engine, so any existing file
// satisfies the check; migrations run through @prisma/schema-engine-wasm instead
// (scripts/db/migrate.ts). A real binary, where one exists, still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("package.json");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
