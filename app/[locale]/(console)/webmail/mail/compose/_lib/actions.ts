"use server";
// Sending and saving drafts. Which mailbox one may write from is decided in lib/mail (the owner and
// users with access, as for reading); anyone else gets "not found".
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { saveDraft } from "@/lib/mail/sender/drafts";
import { sendMessage } from "@/lib/mail/sender/send";
import { draftInput, sendInput } from "./schemas";

const signedIn = () => true;

export const sendAction = action({
  schema: sendInput,
  authorize: signedIn,
  handler: async (input, { access }) => {
    const attachments = await Promise.all(
      input.attachments.map(async (file) => ({
        filename: file.name || "attachment",
        contentType: file.type || "application/octet-stream",
        content: Buffer.from(await file.arrayBuffer()),
      })),
    );
    const original =
      input.mode !== "new" && input.folderId && input.uid
        ? { folderId: input.folderId, uid: input.uid, mode: input.mode }
        : undefined;
    const result = await sendMessage(db, access, { ...input, attachments, original });
    revalidatePath("/[locale]/webmail/mail", "page");
    return { savedCopy: result.savedCopy };
  },
});

export const saveDraftAction = action({
  schema: draftInput,
  authorize: signedIn,
  handler: async (input, { access }) => ({ draftId: await saveDraft(db, access, input) }),
});
