import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "imapflow", "nodemailer", "pg", "pg-boss"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests and scripts included) with tsc; the build
  // itself need not repeat that on every start.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders the 403 page with a real 403 status (app/[locale]/(console)/forbidden.tsx).
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
