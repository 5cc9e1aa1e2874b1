import { changedFields } from "@/lib/audit/queries";

const show = (value: unknown) =>
  value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value);

/**
 * Before → after in full, field by field; a create or delete shows the one side it has. Only an
 * event's own page shows this (it can be megabytes); the list shows a summary (change-summary.tsx).
 */
export function ChangeList({
  before,
  after,
  labels,
}: {
  before: unknown;
  after: unknown;
  labels: { before: string; after: string };
}) {
  if (before == null || after == null) {
    const value = before ?? after;
    return (
      <pre className="overflow-auto whitespace-pre-wrap rounded bg-muted p-2 text-xs" dir="ltr">
        {value == null ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    );
  }
  const changes = changedFields(before, after);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs" dir="ltr">
      {changes.map((change) => (
        <div key={change.field} className="contents">
          <dt className="font-mono text-muted-foreground">{change.field || "·"}</dt>
          <dd className="break-all">
            <span className="text-destructive line-through" title={labels.before}>
              {show(change.before)}
            </span>{" "}
            →{" "}
            <span className="text-[oklch(0.42_0.12_150)]" title={labels.after}>
              {show(change.after)}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
