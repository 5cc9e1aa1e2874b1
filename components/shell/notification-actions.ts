"use server";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { markNotificationsRead } from "@/lib/notifications";

export const markNotificationsReadAction = action({
  schema: z.object({}),
  authorize: () => true,
  handler: async (_input, { viewer }) => {
    await markNotificationsRead(db, viewer.id);
    return {};
  },
});
