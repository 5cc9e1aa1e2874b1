// Auth.js settings shared by the request proxy and the full server setup. This part must not
// import the database or native modules: the proxy only needs to read the session cookie.
import type { NextAuthConfig } from "next-auth";
import type { JWT } from "next-auth/jwt";

/** A session ends after this long without a request (each request slides it on)… */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** …and, however active, this long after its sign-in: sliding re-issue never makes it immortal. */
export const SESSION_ABSOLUTE_SECONDS = 24 * 60 * 60;

export const authConfig = {
  // The console runs behind whatever host it is given (localhost, a load balancer).
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    // The session carries the user id only; rights are computed per request from the database.
    jwt({ token, user }: { token: JWT; user?: { id?: string } }): JWT | null {
      // A session id and the sign-in time, set once at sign-in and carried through every
      // refresh of the token, so a sign-out can end this session on the server (RevokedSession)
      // and no refresh can carry it past its absolute lifetime. null clears the cookie.
      const now = Math.floor(Date.now() / 1000);
      if (user?.id) {
        token.uid = user.id;
        token.sid = crypto.randomUUID();
        token.signedInAt = now;
      }
      const signedInAt = token.signedInAt;
      if (typeof signedInAt !== "number" || now - signedInAt >= SESSION_ABSOLUTE_SECONDS || signedInAt > now + 60)
        return null;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") (session as { sid?: string }).sid = token.sid;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error.name, error.message);
    },
  },
} satisfies NextAuthConfig;
