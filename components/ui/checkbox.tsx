"use client";
import type * as React from "react";
import { useEffect, useRef } from "react";
import { cn } from "@/lib/utils";

type CheckedState = boolean | "indeterminate";

/**
 * A native checkbox with the Radix-style API (`checked` may be "indeterminate",
 * `onCheckedChange`). Native keeps forms, labels and screen readers working with no script of
 * its own, which matters on the grid with a hundred of them per page.
 */
export function Checkbox({
  className,
  checked,
  onCheckedChange,
  ...props
}: Omit<React.ComponentProps<"input">, "type" | "checked" | "onChange"> & {
  checked?: CheckedState;
  onCheckedChange?: (checked: CheckedState) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = checked === "indeterminate";
  }, [checked]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={checked === true}
      onChange={(event) => onCheckedChange?.(event.target.checked)}
      aria-checked={checked === "indeterminate" ? "mixed" : undefined}
      data-state={checked === "indeterminate" ? "indeterminate" : checked ? "checked" : "unchecked"}
      className={cn(
        "peer size-4 shrink-0 cursor-pointer rounded-[4px] border-input accent-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
