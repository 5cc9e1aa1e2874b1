"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { MailboxSyncStatus } from "@/lib/mailboxes/status";

const POLL_MS = 1500;

/**
 * Live sync statuses: polls /api/mailboxes/status only while something is queued or running,
 * so "Sync now" shows queued → syncing → done or failed without reloading the page.
 */
export function useSyncStatuses(initial: MailboxSyncStatus[]) {
  const [statuses, setStatuses] = useState(() => new Map(initial.map((status) => [status.id, status])));
  const [watching, setWatching] = useState(
    () => new Set(initial.filter((status) => status.syncState !== "IDLE").map((status) => status.id)),
  );
  const initialKey = initial.map((status) => `${status.id}:${status.syncState}:${status.lastSyncAt}`).join(",");
  const lastKey = useRef(initialKey);

  // New server data (navigation, revalidation) replaces what we hold.
  useEffect(() => {
    if (lastKey.current === initialKey) return;
    lastKey.current = initialKey;
    setStatuses(new Map(initial.map((status) => [status.id, status])));
    setWatching(new Set(initial.filter((status) => status.syncState !== "IDLE").map((status) => status.id)));
  }, [initial, initialKey]);

  useEffect(() => {
    if (watching.size === 0) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/mailboxes/status?ids=${[...watching].join(",")}`, { cache: "no-store" }).catch(
        () => null,
      );
      if (!response?.ok || cancelled) return;
      const { statuses: fresh } = (await response.json()) as { statuses: MailboxSyncStatus[] };
      setStatuses((current) => {
        const next = new Map(current);
        for (const status of fresh) next.set(status.id, status);
        return next;
      });
      setWatching(new Set(fresh.filter((status) => status.syncState !== "IDLE").map((status) => status.id)));
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [watching]);

  const markQueued = useCallback((ids: number[]) => {
    setStatuses((current) => {
      const next = new Map(current);
      for (const id of ids) {
        const status = next.get(id);
        if (status && status.syncState === "IDLE") next.set(id, { ...status, syncState: "QUEUED" });
      }
      return next;
    });
    setWatching((current) => new Set([...current, ...ids]));
  }, []);

  return { statuses, markQueued };
}
