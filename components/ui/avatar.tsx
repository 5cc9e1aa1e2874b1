import { cn, initials } from "@/lib/utils";

// Stable colour per person so the same avatar looks the same on every screen.
const PALETTE = [
  "bg-sky-700",
  "bg-emerald-700",
  "bg-violet-700",
  "bg-amber-700",
  "bg-rose-700",
  "bg-teal-700",
  "bg-indigo-700",
  "bg-fuchsia-700",
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
