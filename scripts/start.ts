// npm start: database, migrations, demo data on first start, a production build when the
// sources changed, then the web server (PORT, default 3000) and the sync worker.
import { type ChildProcess, spawn } from "node:child_process";
import { ensureBuild, NEXT_BIN } from "./lib/build.ts";
import { prepareRuntime } from "./lib/runtime.ts";

const started = Date.now();
const log = (line: string) => console.log(`[console] ${line}`);
const runtime = await prepareRuntime(log);

const { startDemoMail } = await import("./lib/demo-mail.ts");
const { spawnWorker } = await import("./lib/worker-process.ts");
const { seedDemo } = await import("../lib/demo/seed.ts");
const { ensureDefaultRoles } = await import("../lib/access/defaults.ts");
const { db, disconnectDb } = await import("../lib/db.ts");
// --reseed starts the demo organisation over (the end-to-end tests start from a known state).
const seeded = await seedDemo(db, { force: process.argv.includes("--reseed") });
if (seeded.seeded)
  log(
    `demo organisation created: ${seeded.users} users, ${seeded.departments} departments, ${seeded.mailboxes} mailboxes`,
  );
else await ensureDefaultRoles(db);
const demoMail = await startDemoMail(log);
await disconnectDb();

// Next runs as a direct child (not through npx, which does not pass signals on), in this
// process's group: stopping the console, or killing its group, stops everything.
function run(script: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [script, ...args], {
    stdio: "inherit",
    env: { ...process.env, ...runtime.env, ...extraEnv },
  });
}

const buildCode = await ensureBuild({ ...process.env, ...runtime.env }, log);
if (buildCode !== 0) {
  await demoMail?.stop();
  await runtime.database.stop();
  process.exit(buildCode);
}

const port = process.env.PORT ?? "3000";
const children = [
  run(NEXT_BIN, ["start", "-p", port], { NODE_ENV: "production" }),
  spawnWorker({ ...process.env, ...runtime.env }, { concurrency: Number(process.env.SYNC_CONCURRENCY ?? 4) }),
];
log(
  `ready in ${((Date.now() - started) / 1000).toFixed(1)} s — http://localhost:${port} (sign in as admin@demo.test / demo)`,
);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)),
  );
  await demoMail?.stop();
  await runtime.database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGHUP", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
for (const child of children) child.on("exit", (code) => void stop(code ?? 0));
