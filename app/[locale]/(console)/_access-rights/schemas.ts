import { z } from "zod";
import { idSchema, nameSchema, subjectRefIdSchema } from "@/lib/validation";

export const accessModule = z.enum(["WEBMAIL", "TELEPHONY"]);

export const subjectRef = z.object({
  kind: z.enum([
    "USER",
    "DEPARTMENT",
    "DEPARTMENT_TREE",
    "ALL_HEADS",
    "ALL_EMPLOYEES",
    "WORK_GROUP",
    "USER_GROUP",
    "ADMINS",
  ]),
  refId: subjectRefIdSchema,
});

export const saveRolesInput = z.object({
  module: accessModule,
  revision: z.number().int().min(0),
  roles: z
    .array(
      z.object({
        id: idSchema.nullable(),
        // A role name is shown to everyone who sees the matrix: one clean line (lib/validation.ts).
        name: nameSchema.max(200, "tooLong").nullable(),
        levels: z.record(z.string(), z.number().int()),
        assignments: z.array(subjectRef).max(500),
      }),
    )
    .min(1)
    .max(100),
});
export type SaveRolesInput = z.infer<typeof saveRolesInput>;

export const hiddenRolesInput = z.object({
  module: accessModule,
  hiddenRoleIds: z.array(idSchema).max(100),
});
