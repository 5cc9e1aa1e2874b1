// The default roles and assignments of SPEC §4.2 and §5.2. Created when missing (on start,
// by the seed, in test databases); once created their values belong to the administrators.
import "server-only";
import type { Db } from "../db.ts";
import type { AccessModule, AccessSubjectKind } from "../generated/prisma/enums.ts";
import { LEVEL, TELEPHONY, WEBMAIL } from "./catalog.ts";

const { NONE, LOW, MID, MAX } = LEVEL;

interface DefaultRole {
  module: AccessModule;
  systemCode: string;
  /** English name, used only in the audit log; the console shows the translated one. */
  englishName: string;
  levels: Record<string, number>;
  assignedTo: { kind: AccessSubjectKind; refId: number }[];
}

export const DEFAULT_ROLES: readonly DefaultRole[] = [
  {
    module: "WEBMAIL",
    systemCode: "ADMIN",
    englishName: "Administrator",
    levels: {
      [WEBMAIL.editRights.key]: MAX,
      [WEBMAIL.viewMailboxes.key]: MAX,
      [WEBMAIL.editMailboxes.key]: MAX,
      [WEBMAIL.connectOwn.key]: MAX,
      [WEBMAIL.editCrm.key]: MAX,
    },
    assignedTo: [{ kind: "ADMINS", refId: 0 }],
  },
  {
    module: "WEBMAIL",
    systemCode: "SUPERVISOR",
    englishName: "Supervisor",
    levels: {
      [WEBMAIL.editRights.key]: NONE,
      [WEBMAIL.viewMailboxes.key]: MID,
      [WEBMAIL.editMailboxes.key]: NONE,
      [WEBMAIL.connectOwn.key]: MAX,
      [WEBMAIL.editCrm.key]: MAX,
    },
    assignedTo: [{ kind: "ALL_HEADS", refId: 0 }],
  },
  {
    module: "WEBMAIL",
    systemCode: "MANAGER",
    englishName: "Manager",
    levels: {
      [WEBMAIL.editRights.key]: NONE,
      [WEBMAIL.viewMailboxes.key]: NONE,
      [WEBMAIL.editMailboxes.key]: NONE,
      [WEBMAIL.connectOwn.key]: MAX,
      [WEBMAIL.editCrm.key]: MAX,
    },
    assignedTo: [{ kind: "ALL_EMPLOYEES", refId: 0 }],
  },
  telephonyRole("ADMIN", "Administrator", [MAX, MAX, NONE, MAX, MAX, MAX, MAX, NONE], [{ kind: "ADMINS", refId: 0 }]),
  telephonyRole("CEO", "Chief executive", [MAX, MAX, NONE, MAX, NONE, NONE, NONE, NONE], []),
  telephonyRole("HEAD", "Head of department", [MID, MID, NONE, MAX, NONE, NONE, NONE, NONE], []),
  telephonyRole(
    "MANAGER",
    "Manager",
    [LOW, LOW, NONE, MAX, NONE, NONE, NONE, NONE],
    [{ kind: "ALL_EMPLOYEES", refId: 0 }],
  ),
];

function telephonyRole(
  systemCode: string,
  englishName: string,
  values: [number, number, number, number, number, number, number, number],
  assignedTo: DefaultRole["assignedTo"],
): DefaultRole {
  const keys = [
    TELEPHONY.callStatistics.key,
    TELEPHONY.recordingListen.key,
    TELEPHONY.recordingModify.key,
    TELEPHONY.outgoingCall.key,
    TELEPHONY.userSettings.key,
    TELEPHONY.settings.key,
    TELEPHONY.numbers.key,
    TELEPHONY.balance.key,
  ];
  return {
    module: "TELEPHONY",
    systemCode,
    englishName,
    levels: Object.fromEntries(keys.map((key, index) => [key, values[index]])),
    assignedTo,
  };
}

export function defaultRole(module: AccessModule, systemCode: string | null): DefaultRole | undefined {
  return DEFAULT_ROLES.find((role) => role.module === module && role.systemCode === systemCode);
}

/** Creates the default roles that do not exist yet; existing ones are left as administrators set them. */
export async function ensureDefaultRoles(db: Db): Promise<number> {
  let created = 0;
  for (const [index, role] of DEFAULT_ROLES.entries()) {
    const existing = await db.role.findUnique({
      where: { module_systemCode: { module: role.module, systemCode: role.systemCode } },
      select: { id: true },
    });
    if (existing) continue;
    await db.role.create({
      data: {
        module: role.module,
        systemCode: role.systemCode,
        sortOrder: index,
        permissions: { create: Object.entries(role.levels).map(([key, level]) => ({ key, level })) },
        assignments: {
          create: role.assignedTo.map((subject) => ({ subjectKind: subject.kind, subjectRefId: subject.refId })),
        },
      },
    });
    created += 1;
  }
  for (const module of ["WEBMAIL", "TELEPHONY"] as const) {
    await db.accessRightsRevision.upsert({ where: { module }, create: { module }, update: {} });
  }
  return created;
}
