// Per-user grid settings (SPEC §2.1): column order and visibility, page size; and the user's
// named filter presets (SPEC §2.2).
import type { Db } from "../../db.ts";
import { NotFoundError } from "../../errors.ts";
import { DEFAULT_COLUMNS, GRID_COLUMNS, GRID_KEY, type GridColumn, PAGE_SIZES } from "./params.ts";

export interface GridPreferenceView {
  columns: GridColumn[];
  pageSize: number;
}

export function cleanColumns(value: unknown): GridColumn[] {
  const list = Array.isArray(value)
    ? value.filter((item): item is GridColumn => GRID_COLUMNS.includes(item as GridColumn))
    : [];
  const unique = [...new Set(list)];
  // Owner and email identify a row; they can move but not disappear.
  for (const required of ["owner", "email"] as const) if (!unique.includes(required)) unique.unshift(required);
  return unique;
}

export async function loadGridPreference(db: Db, userId: number): Promise<GridPreferenceView> {
  const row = await db.gridPreference.findUnique({ where: { userId_gridKey: { userId, gridKey: GRID_KEY } } });
  if (!row) return { columns: DEFAULT_COLUMNS, pageSize: 20 };
  return { columns: cleanColumns(row.columns), pageSize: PAGE_SIZES.includes(row.pageSize as 20) ? row.pageSize : 20 };
}

export async function saveGridPreference(db: Db, userId: number, preference: GridPreferenceView) {
  const data = { columns: cleanColumns(preference.columns), pageSize: preference.pageSize };
  await db.gridPreference.upsert({
    where: { userId_gridKey: { userId, gridKey: GRID_KEY } },
    create: { userId, gridKey: GRID_KEY, ...data },
    update: data,
  });
  return data;
}

export async function listPresets(db: Db, userId: number) {
  return db.savedFilter.findMany({
    where: { userId, gridKey: GRID_KEY },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
  });
}

export async function savePreset(db: Db, userId: number, name: string, query: string) {
  return db.savedFilter.upsert({
    where: { userId_gridKey_name: { userId, gridKey: GRID_KEY, name } },
    create: { userId, gridKey: GRID_KEY, name, query },
    update: { query },
    select: { id: true, name: true, query: true },
  });
}

export async function deletePreset(db: Db, userId: number, id: number) {
  // Only one's own presets: the user id is part of the condition. Someone else's preset answers
  // exactly like one that does not exist, so the answer tells nothing about other users' ids.
  const { count } = await db.savedFilter.deleteMany({ where: { id, userId, gridKey: GRID_KEY } });
  if (count === 0) throw new NotFoundError("grid preset");
}
