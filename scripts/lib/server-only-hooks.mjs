// Module resolution hook (see register.mjs): only "server-only" is touched, and it resolves to the
// package's own empty module under the "react-server" condition — exactly what Next.js does for
// server code. Everything else resolves unchanged.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
