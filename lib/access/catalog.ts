// The permission catalog of both modules (SPEC §4.1, §5.1). Levels are ordered integers so that
// merging several roles is simply the maximum; every permission's top level is MAX.
import type { AccessModule } from "../generated/prisma/enums.ts";

export const LEVEL = { NONE: 0, LOW: 10, MID: 20, MAX: 30 } as const;

export interface LevelDef {
  value: number;
  /** Message key under AccessRights.levels. */
  key: string;
}

export interface PermissionDef {
  key: string;
  module: AccessModule;
  /** The reference product's permission number, shown in the editor (webmail only). */
  code?: number;
  levels: readonly LevelDef[];
  /**
   * The highest level an external (extranet) user can hold, whatever roles say (SPEC §7): scoped
   * permissions stop at their own records and 101 is never granted. Unset: no cap (yes/no rights).
   */
  externalCap?: number;
}

const yesNo = [
  { value: LEVEL.NONE, key: "no" },
  { value: LEVEL.MAX, key: "yes" },
] as const;

const mailboxScope = [
  { value: LEVEL.NONE, key: "none" },
  { value: LEVEL.LOW, key: "ownDepartment" },
  { value: LEVEL.MID, key: "departmentTree" },
  { value: LEVEL.MAX, key: "all" },
] as const;

const callScope = [
  { value: LEVEL.NONE, key: "denied" },
  { value: LEVEL.LOW, key: "own" },
  { value: LEVEL.MID, key: "ownAndDepartment" },
  { value: LEVEL.MAX, key: "any" },
] as const;

const deniedAllowed = [
  { value: LEVEL.NONE, key: "denied" },
  { value: LEVEL.MAX, key: "allowed" },
] as const;

export const WEBMAIL = {
  editRights: { key: "webmail.editRights", module: "WEBMAIL", code: 101, levels: yesNo, externalCap: LEVEL.NONE },
  // NONE here is "own mailboxes only": the owner always passes.
  viewMailboxes: {
    key: "webmail.viewMailboxes",
    module: "WEBMAIL",
    code: 201,
    levels: mailboxScope,
    externalCap: LEVEL.NONE,
  },
  editMailboxes: {
    key: "webmail.editMailboxes",
    module: "WEBMAIL",
    code: 202,
    levels: mailboxScope,
    externalCap: LEVEL.NONE,
  },
  connectOwn: { key: "webmail.connectOwn", module: "WEBMAIL", code: 203, levels: yesNo },
  editCrm: { key: "webmail.editCrm", module: "WEBMAIL", code: 204, levels: yesNo },
} as const satisfies Record<string, PermissionDef>;

export const TELEPHONY = {
  callStatistics: { key: "telephony.callStatistics", module: "TELEPHONY", levels: callScope, externalCap: LEVEL.LOW },
  recordingListen: { key: "telephony.recordingListen", module: "TELEPHONY", levels: callScope, externalCap: LEVEL.LOW },
  recordingModify: { key: "telephony.recordingModify", module: "TELEPHONY", levels: callScope, externalCap: LEVEL.LOW },
  outgoingCall: {
    key: "telephony.outgoingCall",
    module: "TELEPHONY",
    levels: [
      { value: LEVEL.NONE, key: "denied" },
      { value: LEVEL.LOW, key: "crmClients" },
      { value: LEVEL.MID, key: "crmAndEmployees" },
      { value: LEVEL.MAX, key: "anyNumber" },
    ],
  },
  userSettings: {
    key: "telephony.userSettings",
    module: "TELEPHONY",
    levels: [
      { value: LEVEL.NONE, key: "denied" },
      { value: LEVEL.LOW, key: "own" },
      { value: LEVEL.MID, key: "departmentUsers" },
      { value: LEVEL.MAX, key: "anyUser" },
    ],
    externalCap: LEVEL.LOW,
  },
  // The telephony role editor: like 101, governance of the company, never for external users.
  settings: { key: "telephony.settings", module: "TELEPHONY", levels: deniedAllowed, externalCap: LEVEL.NONE },
  numbers: { key: "telephony.numbers", module: "TELEPHONY", levels: deniedAllowed },
  balance: { key: "telephony.balance", module: "TELEPHONY", levels: deniedAllowed },
} as const satisfies Record<string, PermissionDef>;

export type WebmailPermissionKey = (typeof WEBMAIL)[keyof typeof WEBMAIL]["key"];
export type TelephonyPermissionKey = (typeof TELEPHONY)[keyof typeof TELEPHONY]["key"];
export type PermissionKey = WebmailPermissionKey | TelephonyPermissionKey;

export const PERMISSIONS: readonly PermissionDef[] = [...Object.values(WEBMAIL), ...Object.values(TELEPHONY)];

export function permissionsOf(module: AccessModule): readonly PermissionDef[] {
  return PERMISSIONS.filter((permission) => permission.module === module);
}

const byKey = new Map(PERMISSIONS.map((permission) => [permission.key, permission]));

export function permissionDef(key: string): PermissionDef | undefined {
  return byKey.get(key);
}

export function isValidLevel(key: string, level: number): boolean {
  return byKey.get(key)?.levels.some((candidate) => candidate.value === level) ?? false;
}
