// When a mailbox syncs next (SPEC §3.5): every 10 minutes while its owner is active in the console
// or CRM routing to responsible managers is on, otherwise once a day; after a failure, an
// exponential backoff with jitter; after a rejected password, not until someone enters a new one.
export const ACTIVE_INTERVAL_MS = 10 * 60_000;
export const IDLE_INTERVAL_MS = 24 * 60 * 60_000;
/** An owner counts as active for this long after their last request. */
export const ACTIVE_WINDOW_MS = 30 * 60_000;
/** While a sync runs its mailbox is leased; a dead worker's lease runs out and the sync is retried. */
export const SYNC_LEASE_MS = 10 * 60_000;

const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 60 * 60_000;

export function nextRegularSync(
  now: Date,
  owner: { lastActivityAt: Date | null },
  crmRouteToResponsible: boolean,
): Date {
  const active = owner.lastActivityAt !== null && now.getTime() - owner.lastActivityAt.getTime() < ACTIVE_WINDOW_MS;
  return new Date(now.getTime() + (active || crmRouteToResponsible ? ACTIVE_INTERVAL_MS : IDLE_INTERVAL_MS));
}

/** 1, 2, 4 … minutes up to 6 hours, ±20% so failing mailboxes of one server do not retry in lockstep. */
export function retryAfterFailure(now: Date, consecutiveFailures: number, random: () => number = Math.random): Date {
  const base = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, consecutiveFailures - 1), RETRY_MAX_MS);
  return new Date(now.getTime() + base * (0.8 + 0.4 * random()));
}
