"use client";

// The table of a server-driven grid: header row with aria-sort, one row per record, cells marked
// with their column. Each grid passes only what is its own: test id, row attributes, and the
// classes of its special columns (sticky selection, narrow actions).
import { type Cell, flexRender, type Header, type Row, type Table as TanTable } from "@tanstack/react-table";
import type { HTMLAttributes } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { ariaSort } from "./sort-header";

export function GridTable<T>({
  table,
  testId,
  total,
  sortKeys,
  sort,
  headClassName,
  cellClassName,
  rowProps,
}: {
  table: TanTable<T>;
  testId: string;
  /** Rows of the whole filtered set (aria-rowcount counts the header row too). */
  total: number;
  /** Column id → the sort key it sorts by, for the columns that sort. */
  sortKeys: Record<string, string>;
  sort: { key: string; dir: "asc" | "desc" };
  headClassName?: (header: Header<T, unknown>, index: number) => string | undefined;
  cellClassName?: (cell: Cell<T, unknown>, index: number) => string | undefined;
  rowProps?: (
    row: Row<T>,
  ) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | number | undefined>;
}) {
  return (
    <Table className="min-w-max" data-testid={testId} aria-rowcount={total + 1}>
      <TableHeader className="bg-muted">
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id} className="hover:bg-transparent">
            {group.headers.map((header, index) => (
              <TableHead
                key={header.id}
                className={headClassName?.(header, index)}
                aria-sort={ariaSort(sortKeys[header.column.id], sort)}
              >
                {flexRender(header.column.columnDef.header, header.getContext())}
              </TableHead>
            ))}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow key={row.id} data-testid="grid-row" {...rowProps?.(row)}>
            {row.getVisibleCells().map((cell, index) => (
              <TableCell
                key={cell.id}
                className={cn("max-w-72", cellClassName?.(cell, index))}
                data-column={cell.column.id}
              >
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
