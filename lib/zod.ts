// zod for schemas that also run in the browser (the forms check what the actions will parse).
// zod compiles object parsers with `new Function` when it may, and probes for that the moment an
// object schema is built; under the console's Content-Security-Policy (no 'unsafe-eval') that
// probe is a policy violation on every page with a form. In the browser zod therefore runs
// without compiling: set here, before any schema importing `z` from this module is built.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
