"use server";
// The mail view's actions. Each is for a signed-in user; which mailbox and folder they may touch is
// decided in lib/mail/reader (readableMailboxes(): owner and users with access), where anything else
// is "not found". Changes go to the IMAP server first, then to the database.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { deleteMessages, moveMessages, setFlag } from "@/lib/mail/reader/organise";
import { openMessage } from "@/lib/mail/reader/read";
import { allowSender } from "@/lib/mail/reader/remote-content";
import { allowSenderInput, flagInput, moveInput, selectionInput } from "./schemas";

const signedIn = () => true;
const revalidate = () => revalidatePath("/[locale]/webmail/mail", "page");

export const setFlagAction = action({
  schema: flagInput,
  authorize: signedIn,
  handler: async ({ flag, on, ...selection }, { access }) => {
    await setFlag(db, access, selection, flag === "seen" ? "\\Seen" : "\\Flagged", on);
    revalidate();
  },
});

export const moveAction = action({
  schema: moveInput,
  authorize: signedIn,
  handler: async ({ targetFolderId, ...selection }, { access }) => {
    await moveMessages(db, access, selection, targetFolderId);
    revalidate();
  },
});

export const deleteAction = action({
  schema: selectionInput,
  authorize: signedIn,
  handler: async (selection, { access }) => {
    const outcome = await deleteMessages(db, access, selection);
    revalidate();
    return outcome;
  },
});

/** "Always show images from this sender": remembered for the mailbox, for all its readers. */
export const allowSenderAction = action({
  schema: allowSenderInput,
  authorize: signedIn,
  handler: async ({ mailboxId, folderId, uid }, { access, viewer }) => {
    const message = await openMessage(db, access, { mailboxId, folderId, uid }, { markSeen: false });
    const sender = message.from[0]?.address;
    if (sender) await allowSender(db, mailboxId, sender, viewer.id);
    revalidate();
  },
});
