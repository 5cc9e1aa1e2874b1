import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "imapflow", "nodemailer", "pg", "pg-boss", "mailparser"],
  poweredByHeader: false,
  // forbidden() renders the 403 page with a real 403 status (app/[locale]/(console)/forbidden.tsx).
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
