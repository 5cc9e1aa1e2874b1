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
log("running; Ctrl-C stops it");
const stop = async () => {
  await server.stop();
  await runtime.database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
