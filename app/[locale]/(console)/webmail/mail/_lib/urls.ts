// Links within the mail view: every one keeps the view's state (mailbox, folder, search, filter,
// page) and changes only what it is about. Plain links, so the back button works.
export interface ViewState {
  mailbox?: number;
  folder?: number;
  message?: number;
  page?: number;
  q?: string;
  filter?: string;
  images?: "1";
}

export function mailHref(state: ViewState, change: Partial<Record<keyof ViewState, string | number | undefined>> = {}) {
  const merged: Record<string, string | number | undefined> = { ...state, ...change };
  const query = new URLSearchParams();
  for (const key of ["mailbox", "folder", "q", "filter", "page", "message", "images"]) {
    const value = merged[key];
    if (value === undefined || value === "" || (key === "page" && value === 1) || (key === "filter" && value === "all"))
      continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/webmail/mail?${text}` : "/webmail/mail";
}

export function frameSrc(ref: { mailbox: number; folder: number; message: number }, images: boolean) {
  return `/api/webmail/frame?mailbox=${ref.mailbox}&folder=${ref.folder}&uid=${ref.message}${images ? "&images=1" : ""}`;
}

export function attachmentHref(ref: { mailbox: number; folder: number; message: number }, part: string) {
  return `/api/webmail/attachment?mailbox=${ref.mailbox}&folder=${ref.folder}&uid=${ref.message}&part=${encodeURIComponent(part)}`;
}
