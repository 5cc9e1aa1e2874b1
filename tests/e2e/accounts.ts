import path from "node:path";

/** The demo sign-ins (README.md); password "demo" for all. */
export const ACCOUNTS = {
  admin: { email: "admin@demo.test", name: "Ada Fischer" },
  headSales: { email: "head.sales@demo.test", name: "Sofia Marino" },
  employee: { email: "employee@demo.test", name: "Jonas Weber" },
  telephony: { email: "telephony@demo.test", name: "Karim Nasser" },
  external: { email: "external@demo.test", name: "Emma Hall" },
} as const;

export type Role = keyof typeof ACCOUNTS;
export const DEMO_PASSWORD = "demo";

export function storageStateOf(role: Role): string {
  return path.resolve(".data/e2e/auth", `${role}.json`);
}
