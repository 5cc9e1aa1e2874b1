import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** What the grid looks like while its first page loads: toolbar, rows and footer in place. */
export function GridSkeleton({ rows = 12 }: { rows?: number }) {
  return (
    <div className="flex flex-col gap-3" data-testid="grid-skeleton" aria-busy="true">
      <div className="flex flex-wrap items-center gap-2">
        <Skeleton className="h-9 w-full sm:w-72" />
        <Skeleton className="h-9 w-24" />
        <Skeleton className="h-9 w-28" />
        <Skeleton className="ms-auto h-9 w-28" />
        <Skeleton className="size-9" />
      </div>
      <Card className="overflow-hidden">
        <div className="h-10 border-b bg-muted" />
        {Array.from({ length: rows }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <div key={index} className="flex items-center gap-4 border-b px-3 py-3 last:border-0">
            <Skeleton className="size-7 rounded-full" />
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-56" />
            <Skeleton className="hidden h-4 w-32 md:block" />
            <Skeleton className="hidden h-4 w-12 md:block" />
            <Skeleton className="ms-auto hidden h-4 w-16 md:block" />
          </div>
        ))}
      </Card>
      <Skeleton className="h-8 w-full" />
    </div>
  );
}
