// Full Auth.js setup: credentials (argon2) and, when configured, an OpenID Connect provider.
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db.ts";
import { oidcSettings } from "../env.ts";
import { clientAddressOf } from "../http/client-address.ts";
import { textSchema } from "../validation.ts";
import { authConfig } from "./config.ts";
import { checkCredentials, type SignInRefusal } from "./credentials.ts";
import { revokeSession, sessionIsLive } from "./sessions.ts";

/** Carries the refusal reason to the login action (Auth.js puts `code` on the error). */
class RefusedSignIn extends CredentialsSignin {
  constructor(reason: SignInRefusal, retryAfterSeconds?: number) {
    super();
    this.code = retryAfterSeconds ? `${reason}:${retryAfterSeconds}` : reason;
  }
}

// An email or password PostgreSQL cannot hold (NUL, a lone surrogate) is simply wrong, not an error.
const credentialsInput = z.object({
  email: textSchema.trim().min(1).max(320),
  password: textSchema.min(1).max(1024),
});

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new RefusedSignIn("invalid");
        const result = await checkCredentials(
          parsed.data.email,
          parsed.data.password,
          clientAddressOf(request.headers),
        );
        if (!result.ok) throw new RefusedSignIn(result.reason, result.retryAfterSeconds);
        return { id: String(result.userId) };
      },
    }),
  ];
  const oidc = oidcSettings();
  if (oidc) {
    list.push({
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
    });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: providers(),
  callbacks: {
    ...authConfig.callbacks,
    // An OIDC identity signs in only as an existing, active user with the same email.
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const email = typeof profile?.email === "string" ? profile.email.toLowerCase() : null;
      if (!email) return false;
      const user = await db.user.findUnique({ where: { email }, select: { status: true } });
      return user !== null && user.status !== "DEACTIVATED";
    },
    async jwt({ token, user, account, profile }) {
      // An OIDC sign-in becomes a session of the matching user, with its own session id.
      if (account?.provider === "oidc") {
        const email = typeof profile?.email === "string" ? profile.email.toLowerCase() : "";
        const found = await db.user.findUnique({ where: { email }, select: { id: true } });
        if (!found) return null;
        user = { id: String(found.id) };
      }
      const next = authConfig.callbacks.jwt({ token, user });
      if (!next) return null;
      // Every route that reads the session, Auth.js's own included, drops one that was signed
      // out or whose user was deactivated: the cookie is cleared instead of being re-issued.
      return (await sessionIsLive(next)) ? next : null;
    },
  },
  events: {
    // Auth.js's own sign-out endpoint ends the session on the server too, not only the cookie.
    async signOut(message) {
      if ("token" in message && message.token) await revokeSession(message.token);
    },
  },
});

export function oidcProviderName(): string | null {
  return oidcSettings()?.name ?? null;
}
