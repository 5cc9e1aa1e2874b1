// The console's web server: Next.js's request handler behind a plain Node HTTP server, so the
// client address the app sees is the socket's (or the trusted proxy's), never a header a
// client made up (lib/http/client-address.ts). Run by npm start; PORT as for
// `next start` (all interfaces), TRUSTED_PROXY_HOPS = how many reverse proxies stand in front (default 0).
import { createServer } from "node:http";
import next from "next";
import { trustedClientAddress } from "../lib/http/client-address.ts";

const port = Number(process.env.PORT ?? 3000);
const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(trustedHops) || trustedHops < 0 || trustedHops > 10) {
  console.error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (got "${process.env.TRUSTED_PROXY_HOPS}")`);
  process.exit(1);
}

const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  request.headers["x-forwarded-for"] = trustedClientAddress(
    request.headers["x-forwarded-for"],
    request.socket.remoteAddress,
    trustedHops,
  );
  handle(request, response).catch((error: unknown) => {
    console.error("[web] request failed", error instanceof Error ? error.message : error);
    if (!response.headersSent) response.writeHead(500).end();
    else response.destroy();
  });
});
server.listen(port, () => console.log(`[web] listening on port ${port}`));

// Stop accepting, let running requests finish briefly, then leave.
function stop() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
