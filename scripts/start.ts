// npm start: database, migrations, demo data on first start, a production build when the
// sources changed, then the web server (PORT, default 3000) and the sync worker.
import { type ChildProcess, spawn } from "node:child_process";
import { AllowedNetworksError, parseAllowedNetworks } from "../lib/mail/allowed-networks.ts";
import { ensureBuild } from "./lib/build.ts";
import { prepareRuntime } from "./lib/runtime.ts";
import { TS_ENTRY_FLAGS } from "./lib/worker-process.ts";

const started = Date.now();
const log = (line: string) => console.log(`[console] ${line}`);
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];
// A garbled allow-list is refused before anything starts, not at the first connection test.
try {
  parseAllowedNetworks(process.env.MAIL_ALLOWED_NETWORKS);
} catch (error) {
  if (!(error instanceof AllowedNetworksError)) throw error;
  log(error.message);
  process.exit(1);
}
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
// Optional parts never stop the console: a demo mail server that cannot start is one line in the log.
const demoMail = await startDemoMail(log).catch((error: unknown) => {
  log(`demo mail: not started (${firstLine(error)}) — the console runs without it; demo mailboxes are not synced`);
  return null;
});
await disconnectDb();
// The console's own mail (invitations, notifications) goes to SMTP_URL, or else to a local
// catcher whose messages the Outbox page shows. Optional like the demo mail server: a port that
// is taken is one line in the log.
const { consoleMailSettings } = await import("../lib/env.ts");
const mailSettings = consoleMailSettings();
const outboxCatcher = mailSettings.usesCatcher
  ? await import("../lib/console-mail/catcher.ts")
      .then(({ startOutboxCatcher }) => startOutboxCatcher(db, { port: mailSettings.catcherPort }))
      .then((catcher) => {
        log(`console mail: local catcher on 127.0.0.1:${catcher.port} (Company › Outbox)`);
        return catcher;
      })
      .catch((error: unknown) => {
        log(
          `console mail: catcher not started (${firstLine(error)}) — invitations and notification mails are not delivered`,
        );
        return null;
      })
  : null;
// Mail servers on internal addresses are refused (lib/mail/outbound.ts): the web server and the
// worker allow what the installation allows, plus exactly the demo Dovecot's address and port.
const allowedNetworks = [process.env.MAIL_ALLOWED_NETWORKS?.trim(), demoMail?.allowedNetwork].filter(Boolean).join(",");
if (allowedNetworks) runtime.env.MAIL_ALLOWED_NETWORKS = allowedNetworks;

// The web server runs as a direct child (not through npx, which does not pass signals on), in
// this process's group: stopping the console, or killing its group, stops everything.
function runNode(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, args, {
    stdio: "inherit",
    env: { ...process.env, ...runtime.env, ...extraEnv },
  });
}

const buildCode = await ensureBuild({ ...process.env, ...runtime.env }, log);
if (buildCode !== 0) {
  await demoMail?.stop();
  await outboxCatcher?.stop();
  await runtime.database.stop();
  process.exit(buildCode);
}

const port = process.env.PORT ?? "3000";
// Our own small server around Next's handler (not `next start`): it fixes the client address
// the sign-in throttle relies on (scripts/web-server.ts).
const web = runNode([...TS_ENTRY_FLAGS, "scripts/web-server.ts"], { NODE_ENV: "production", PORT: port });
const children: ChildProcess[] = [web];
let stopping = false;

// The worker is optional for serving pages: when it dies it is reported in one line and started
// again, a little later each time it keeps failing (back to quick restarts after a good run).
let workerRestarts = 0;
function startWorker() {
  const started = Date.now();
  const worker = spawnWorker(
    { ...process.env, ...runtime.env },
    { concurrency: Number(process.env.SYNC_CONCURRENCY ?? 4) },
  );
  children.push(worker);
  worker.on("exit", (code, signal) => {
    children.splice(children.indexOf(worker), 1);
    if (stopping) return;
    if (Date.now() - started > 5 * 60_000) workerRestarts = 0;
    const delay = Math.min(60_000, 2_000 * 2 ** workerRestarts);
    workerRestarts += 1;
    log(
      `sync worker stopped (${signal ?? `exit code ${code}`}); the console keeps serving, mail sync restarts in ${delay / 1000} s`,
    );
    setTimeout(() => {
      if (!stopping) startWorker();
    }, delay).unref();
  });
}
startWorker();
log(
  `ready in ${((Date.now() - started) / 1000).toFixed(1)} s — http://localhost:${port} (sign in as admin@demo.test / demo)`,
);

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill("SIGTERM");
  await Promise.all(running.map((child) => new Promise((resolve) => child.once("exit", resolve))));
  await demoMail?.stop();
  await outboxCatcher?.stop();
  await disconnectDb();
  await runtime.database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGHUP", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
web.on("exit", (code) => void stop(code ?? 0));
