import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/platform/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { verifySessionTicket } from "./session-ticket";
import { sessionToHandOver } from "./staff-session";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; sessionId: string } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    sessionId?: string;
  }
}

const handOverSchema = z.object({ sessionId: z.uuid(), ticket: z.string().min(1).max(200) });

// Staff sign in with email and password through the sign-in page's action, which checks
// them behind the throttle and opens a server-side session (lib/auth/authenticate-staff.ts).
// Auth.js only turns that session into a signed cookie, given the ticket the sign-in
// issued; the cookie names the user and the session, and every request checks the
// session still stands (signed out, idle or a changed role end it).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A stranger's malformed request to /api/auth is a one-line warning, not a stack trace per probe.
  logger: {
    error: (error) => console.warn(`[auth] ${error.name}: ${error.message.split("\n")[0]}`),
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { sessionId: {}, ticket: {} },
      authorize: async (credentials) => {
        const parsed = handOverSchema.safeParse(credentials);
        if (!parsed.success || !verifySessionTicket(parsed.data.sessionId, parsed.data.ticket)) return null;
        const session = await sessionToHandOver(getDb(), parsed.data.sessionId);
        return session && { id: session.user.id, email: session.user.email, name: session.user.name, role: session.user.role, sessionId: session.id };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      session.user.sessionId = typeof token.sid === "string" ? token.sid : "";
      return session;
    },
  },
});
