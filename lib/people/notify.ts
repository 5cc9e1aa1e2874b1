// Notifications of people changes (SPEC §8, issue 14 item 7): in the app, and by mail to the
// notification address where one is set. The in-app ones are written in the caller's
// transaction; the mails go after it commits (sendNotificationMails), so a rolled-back change
// never mails anyone.

import { sendConsoleMail } from "../console-mail/send.ts";
import { mailTranslator } from "../console-mail/translate.ts";
import type { Db } from "../db.ts";
import { type NotificationInput, notify } from "../notifications/index.ts";

export async function notifyInApp(db: Db, items: NotificationInput[]) {
  await notify(db, items);
}

/** One mail per notification whose recipient has a notification address. Never throws. */
export async function sendNotificationMails(db: Db, items: NotificationInput[]) {
  if (items.length === 0) return;
  const users = await db.user.findMany({
    where: { id: { in: items.map((item) => item.userId) }, notificationEmail: { not: null } },
    select: { id: true, notificationEmail: true, locale: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  for (const item of items) {
    const user = byId.get(item.userId);
    if (!user?.notificationEmail) continue;
    const t = mailTranslator(user.locale);
    const text = t(`Notifications.kinds.${item.kind}`, item.params);
    await sendConsoleMail({ to: user.notificationEmail, subject: t("ConsoleMail.notificationSubject"), text });
  }
}

/** Active portal administrators: who is told about deadlines. */
export async function activeAdmins(db: Db): Promise<number[]> {
  const admins = await db.user.findMany({
    where: { isPortalAdmin: true, kind: "EMPLOYEE", status: "ACTIVE" },
    select: { id: true },
  });
  return admins.map((admin) => admin.id);
}
