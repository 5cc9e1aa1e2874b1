"use server";
import { z } from "zod";
import { canSearchSubjects } from "@/lib/access/capabilities";
import { searchSubjects } from "@/lib/access/subject-directory";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { textSchema } from "@/lib/validation";

/** The subject picker's search: people, departments, workgroups, user groups. */
export const searchSubjectsAction = action({
  schema: z.object({ query: textSchema.max(100) }),
  authorize: canSearchSubjects,
  handler: ({ query }, { access }) => searchSubjects(db, access, query),
});
