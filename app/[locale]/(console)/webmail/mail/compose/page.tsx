import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/access/request";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { openMessage } from "@/lib/mail/reader/read";
import { readableMailbox } from "@/lib/mail/reader/scope";
import { signatureText, startFrom } from "@/lib/mail/sender/compose";
import { loadDraft, myDrafts } from "@/lib/mail/sender/drafts";
import { sanitizeSignature } from "@/lib/mailboxes/signature";
import { z } from "@/lib/zod";
import { mailHref } from "../_lib/urls";
import { ComposeForm } from "./_components/compose-form";

const params = z.object({
  mailbox: z.coerce.number().int().positive().max(2_147_483_647),
  folder: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  uid: z.coerce.number().int().positive().max(4_294_967_295).optional().catch(undefined),
  draft: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  mode: z.enum(["new", "reply", "replyAll", "forward"]).catch("new").default("new"),
});

export async function generateMetadata({
  params: route,
}: PageProps<"/[locale]/webmail/mail/compose">): Promise<Metadata> {
  const { locale } = await route;
  return { title: (await getTranslations({ locale, namespace: "Mail" }))("compose") };
}

/** Not the viewer's mailbox, message or draft: the same 404 as one that does not exist. */
async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ComposePage({
  params: route,
  searchParams,
}: PageProps<"/[locale]/webmail/mail/compose">) {
  const { locale } = await route;
  setRequestLocale(locale);
  const { access } = await requireSignedIn();
  const t = await getTranslations("Mail");
  const parsed = params.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const query = parsed.data;
  const mailbox = await orNotFound(() => readableMailbox(db, access, query.mailbox));
  const replying = query.mode !== "new" && query.folder && query.uid;
  const original = replying
    ? await orNotFound(() =>
        openMessage(
          db,
          access,
          { mailboxId: mailbox.id, folderId: query.folder!, uid: query.uid! },
          { markSeen: false },
        ),
      )
    : null;
  const draft = query.draft ? await orNotFound(() => loadDraft(db, access, mailbox.id, query.draft!)) : null;
  const start = startFrom(replying ? query.mode : "new", original, mailbox.email);
  const drafts = draft || replying ? [] : await myDrafts(db, access, mailbox.id);
  const backHref = mailHref({ mailbox: mailbox.id, folder: query.folder, message: query.uid });
  const signature = sanitizeSignature(mailbox.signatureHtml);
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-3">
      <div className="flex items-center gap-2">
        <Button asChild size="sm" variant="ghost">
          <Link href={backHref}>
            <ArrowLeftIcon className="rtl:rotate-180" /> {t("backToMail")}
          </Link>
        </Button>
        <h1 className="text-xl font-semibold tracking-tight">{t(`composeTitle.${replying ? query.mode : "new"}`)}</h1>
      </div>
      {drafts.length > 0 && (
        <Card className="p-3">
          <h2 className="mb-1 text-sm font-medium">{t("drafts")}</h2>
          <ul className="space-y-1 text-sm">
            {drafts.map((item) => (
              <li key={item.id}>
                <Link className="underline" href={`/webmail/mail/compose?mailbox=${mailbox.id}&draft=${item.id}`}>
                  {item.subject || t("noSubject")}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {query.mode === "forward" && original && original.attachments.length > 0 && (
        <p className="text-sm text-muted-foreground" data-testid="forwarded-attachments">
          {t("forwardsAttachments", { files: original.attachments.map((item) => item.filename).join(", ") })}
        </p>
      )}
      <Card className="p-3 sm:p-4">
        <ComposeForm
          initial={{
            mailboxId: mailbox.id,
            from: mailbox.senderName ? `${mailbox.senderName} <${mailbox.email}>` : mailbox.email,
            to: draft?.to ?? start.to.join(", "),
            cc: draft?.cc ?? start.cc.join(", "),
            bcc: draft?.bcc ?? "",
            subject: draft?.subject ?? start.subject,
            body: draft?.body ?? start.body,
            mode: replying ? query.mode : "new",
            folderId: replying ? query.folder : undefined,
            uid: replying ? query.uid : undefined,
            draftId: draft?.id,
            signatureHtml: signature,
            backHref,
          }}
          // As text: the preview needs no markup, and so renders none from the stored signature.
          signaturePreview={<p className="whitespace-pre-wrap">{signatureText(signature)}</p>}
        />
      </Card>
    </div>
  );
}
