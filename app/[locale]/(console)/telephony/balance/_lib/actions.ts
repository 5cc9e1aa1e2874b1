"use server";
// Booking a top-up or an adjustment: portal administrators only (SPEC #11), and only while they
// also hold the balance permission that opens the page — an administrator whose balance right was
// taken away in the role editor books nothing either.
import { revalidatePath } from "next/cache";
import { TELEPHONY } from "@/lib/access/catalog";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { addBalanceEntry } from "@/lib/telephony/balance";
import { addBalanceEntryInput } from "@/lib/telephony/page-schemas";

export const addBalanceEntryAction = action({
  schema: addBalanceEntryInput,
  authorize: (access) => access.isPortalAdmin && access.allowed(TELEPHONY.balance.key),
  handler: async (input, { access }) => {
    await addBalanceEntry(db, access, input);
    revalidatePath("/[locale]/telephony/balance", "page");
  },
});
