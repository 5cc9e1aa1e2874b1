// Preloaded by every Node entry point (`node --import ./scripts/lib/register.mjs scripts/….ts`):
// TypeScript through tsx, and the server-only marker resolved as the React server resolves it.
// lib/db.ts, lib/mail/secrets.ts and lib/access import "server-only" so that a client component
// importing them fails `next build`; outside Next.js that package throws on import by design.
import { register } from "node:module";
import "tsx";

register("./server-only-hooks.mjs", import.meta.url);
