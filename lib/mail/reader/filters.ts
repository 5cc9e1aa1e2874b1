// The mail list's filters: shared by the server query and the page's links (no server-only here).
export const MESSAGE_FILTERS = ["all", "unread", "flagged"] as const;
export type MessageFilter = (typeof MESSAGE_FILTERS)[number];
