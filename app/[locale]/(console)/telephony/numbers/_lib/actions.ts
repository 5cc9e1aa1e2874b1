"use server";
// Rented numbers and SIP/PBX connections: every action needs TELEPHONY.numbers (yes/no, so the
// coarse check is the whole rule); the domain functions refuse what would break other records.
import { revalidatePath } from "next/cache";
import type { Access } from "@/lib/access/access";
import { TELEPHONY } from "@/lib/access/catalog";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { addNumber, deleteConnection, deleteNumber, saveConnection, updateNumber } from "@/lib/telephony/numbers";
import { addNumberInput, deleteByIdInput, saveConnectionInput, updateNumberInput } from "@/lib/telephony/page-schemas";

const mayManageNumbers = (access: Access) => access.allowed(TELEPHONY.numbers.key);
const refresh = () => revalidatePath("/[locale]/telephony/numbers", "page");

export const addNumberAction = action({
  schema: addNumberInput,
  authorize: mayManageNumbers,
  handler: async (input, { access }) => {
    await addNumber(db, access, input);
    refresh();
  },
});

export const updateNumberAction = action({
  schema: updateNumberInput,
  authorize: mayManageNumbers,
  handler: async (input, { access }) => {
    await updateNumber(db, access, input);
    refresh();
  },
});

export const deleteNumberAction = action({
  schema: deleteByIdInput,
  authorize: mayManageNumbers,
  handler: async (input, { access }) => {
    await deleteNumber(db, access, input.id);
    refresh();
  },
});

export const saveConnectionAction = action({
  schema: saveConnectionInput,
  authorize: mayManageNumbers,
  handler: async (input, { access }) => {
    await saveConnection(db, access, input);
    refresh();
  },
});

export const deleteConnectionAction = action({
  schema: deleteByIdInput,
  authorize: mayManageNumbers,
  handler: async (input, { access }) => {
    await deleteConnection(db, access, input.id);
    refresh();
  },
});
