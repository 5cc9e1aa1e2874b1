import { cn, initials } from "@/lib/utils";

// Stable colour per person so the same avatar looks the same on every screen.
const PALETTE = [
  "bg-sky-600",
  "bg-emerald-600",
  "bg-violet-600",
  "bg-amber-600",
  "bg-rose-600",
  "bg-teal-600",
  "bg-indigo-600",
  "bg-fuchsia-600",
];

export function UserAvatar({
  user,
  className,
}: {
  user: { id: number; firstName: string; lastName: string };
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex size-8 shrink-0 select-none items-center justify-center rounded-full text-xs font-semibold text-white",
        PALETTE[user.id % PALETTE.length],
        className,
      )}
    >
      {initials(user)}
    </span>
  );
}
