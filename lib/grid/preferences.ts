// Per-user grid settings (SPEC §2.1: column order and visibility, page size) and named filter
// presets (SPEC §2.2), for any grid: each grid describes itself once with a GridSpec.
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import { PAGE_SIZES, type PageSize } from "./params.ts";

export interface GridSpec<C extends string> {
  /** The key rows in GridPreference and SavedFilter belong to. */
  key: string;
  columns: readonly C[];
  defaultColumns: C[];
  /** Columns that identify a row: they can move but not disappear. */
  required: readonly C[];
}

export interface GridPreferenceView<C extends string> {
  columns: C[];
  pageSize: number;
}

export interface SavedPreset {
  id: number;
  name: string;
  query: string;
}

export function cleanColumns<C extends string>(spec: GridSpec<C>, value: unknown): C[] {
  const list = Array.isArray(value) ? value.filter((item): item is C => spec.columns.includes(item as C)) : [];
  const unique = [...new Set(list)];
  for (const required of [...spec.required].reverse()) if (!unique.includes(required)) unique.unshift(required);
  return unique;
}

export async function loadGridPreference<C extends string>(
  db: Db,
  userId: number,
  spec: GridSpec<C>,
): Promise<GridPreferenceView<C>> {
  const row = await db.gridPreference.findUnique({ where: { userId_gridKey: { userId, gridKey: spec.key } } });
  if (!row) return { columns: spec.defaultColumns, pageSize: PAGE_SIZES[0] };
  const pageSize = PAGE_SIZES.includes(row.pageSize as PageSize) ? row.pageSize : PAGE_SIZES[0];
  return { columns: cleanColumns(spec, row.columns), pageSize };
}

export async function saveGridPreference<C extends string>(
  db: Db,
  userId: number,
  spec: GridSpec<C>,
  preference: GridPreferenceView<C>,
) {
  const data = { columns: cleanColumns(spec, preference.columns), pageSize: preference.pageSize };
  await db.gridPreference.upsert({
    where: { userId_gridKey: { userId, gridKey: spec.key } },
    create: { userId, gridKey: spec.key, ...data },
    update: data,
  });
  return data;
}

export async function listPresets(db: Db, userId: number, gridKey: string): Promise<SavedPreset[]> {
  return db.savedFilter.findMany({
    where: { userId, gridKey },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
  });
}

export async function savePreset(db: Db, userId: number, gridKey: string, name: string, query: string) {
  return db.savedFilter.upsert({
    where: { userId_gridKey_name: { userId, gridKey, name } },
    create: { userId, gridKey, name, query },
    update: { query },
    select: { id: true, name: true, query: true },
  });
}

export async function deletePreset(db: Db, userId: number, gridKey: string, id: number) {
  // Only one's own presets of this grid: user and grid are part of the condition. Someone else's
  // preset answers exactly like one that does not exist, so the answer tells nothing about ids.
  const { count } = await db.savedFilter.deleteMany({ where: { id, userId, gridKey } });
  if (count === 0) throw new NotFoundError("grid preset");
}
