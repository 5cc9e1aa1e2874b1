// Message-IDs compared as the token inside the angle brackets, whatever whitespace a server folds
// around it, and only as far as the stored copy reaches (MailMessage.messageId is cut at 500).
export function normaliseMessageId(value: string | null | undefined): string | null {
  const token = value?.replace(/\s+/g, "").replace(/^<|>$/g, "").slice(0, 400);
  return token ? token : null;
}
