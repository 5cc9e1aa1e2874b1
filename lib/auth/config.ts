// Auth.js settings shared by the request proxy and the full server setup. This part must not
// import the database or native modules: the proxy only needs to read the session cookie.
import type { NextAuthConfig } from "next-auth";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authConfig = {
  // The console runs behind whatever host it is given (localhost, a load balancer).
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    // The session carries the user id only; rights are computed per request from the database.
    jwt({ token, user }) {
      // A session id, set once at sign-in and carried through every refresh of the token, so a
      // sign-out can end this session on the server (RevokedSession), not only in one cookie.
      if (user?.id) {
        token.uid = user.id;
        token.sid = crypto.randomUUID();
      }
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
