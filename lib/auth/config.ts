// Auth.js settings shared by the request proxy and the full server setup. This part must not
// import the database or native modules: the proxy only needs to read the session cookie.
import type { NextAuthConfig } from "next-auth";

export const authConfig = {
  // The console runs behind whatever host it is given (localhost, a load balancer).
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    // The session carries the user id only; rights are computed per request from the database.
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
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
