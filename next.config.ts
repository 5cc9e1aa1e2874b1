import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { EXTRA_ACTION_HOSTS } from "./lib/security/action-origin.ts";
import { API_POLICY, FIXED_HEADERS } from "./lib/security/headers.ts";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "imapflow", "nodemailer", "pg", "pg-boss"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests and scripts included) with tsc; the build
  // itself need not repeat that on every start.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders the 403 page with a real 403 status (app/[locale]/(console)/forbidden.tsx).
    authInterrupts: true,
    // The same list the request proxy checks Origin against (lib/security/action-origin.ts).
    // Mail attachments travel through the send action (20 MB in all, lib/mail/sender), with room for encoding.
    serverActions: { allowedOrigins: EXTRA_ACTION_HOSTS, bodySizeLimit: "25mb" },
  },
  // Security headers (lib/security/headers.ts). Pages get their Content-Security-Policy, with a
  // nonce, from the request proxy; API routes, which it skips, get a fixed one here.
  async headers() {
    return [
      // The message frame (app/api/webmail/frame) sets its own policy and may be framed by the console.
      { source: "/:path((?!api/webmail/frame).*)", headers: FIXED_HEADERS },
      { source: "/api/webmail/frame", headers: FIXED_HEADERS.filter((header) => header.key !== "X-Frame-Options") },
      { source: "/api/:path((?!webmail/frame).*)", headers: [{ key: "Content-Security-Policy", value: API_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
