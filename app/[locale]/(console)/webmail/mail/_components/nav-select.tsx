"use client";
import { useRouter } from "@/lib/i18n/navigation";

/** A select whose options are places: picking one goes there (mailbox switch, folder on a phone). */
export function NavSelect({
  label,
  value,
  options,
  className,
  testId,
}: {
  label: string;
  value: string;
  options: { label: string; href: string }[];
  className?: string;
  testId?: string;
}) {
  const router = useRouter();
  return (
    <select
      aria-label={label}
      data-testid={testId}
      className={`h-9 min-w-0 rounded-md border bg-background px-2 text-sm ${className ?? ""}`}
      value={value}
      onChange={(event) => router.push(event.target.value)}
    >
      {options.map((option) => (
        <option key={option.href} value={option.href}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
