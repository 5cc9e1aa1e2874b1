// The production build when the sources changed (npm test builds once, before the tests that
// serve it: the database-restart test and the end-to-end tests).
import { ensureBuild } from "./lib/build.ts";

process.exit(await ensureBuild(process.env, (line) => console.log(`[build] ${line}`)));
