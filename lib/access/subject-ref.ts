// How an access subject is named and keyed: shared by the server and the browser (pickers, chips,
// role assignments), so it stays free of database code — lib/access/subjects.ts resolves them.
import type { AccessSubjectKind } from "../generated/prisma/enums.ts";

export interface SubjectRef {
  kind: AccessSubjectKind;
  refId: number;
}

export function subjectKey(ref: SubjectRef): string {
  return `${ref.kind}:${ref.refId}`;
}
