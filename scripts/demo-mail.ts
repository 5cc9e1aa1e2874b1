// npm run demo:mail: the local demo mail server on its own (for a console started some other
// way, e.g. against an external database). `npm start` runs it already when Dovecot is installed.
import { startDemoMail } from "./lib/demo-mail.ts";
import { prepareRuntime } from "./lib/runtime.ts";

const log = (line: string) => console.log(`[demo-mail] ${line}`);
const runtime = await prepareRuntime(log);
const server = await startDemoMail(log);
if (!server) {
  await runtime.database.stop();
  process.exit(1);
}
// The console refuses internal addresses unless allowed; `npm start` adds this entry by itself.
log(
  `running; the console and its workers need MAIL_ALLOWED_NETWORKS to include ${server.allowedNetwork}; Ctrl-C stops it`,
);
const stop = async () => {
  await server.stop();
  await runtime.database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
