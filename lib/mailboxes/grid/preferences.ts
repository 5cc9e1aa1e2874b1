// The mailbox grid's settings and presets: the shared grid preferences (lib/grid) under its key.
import type { Db } from "../../db.ts";
import * as shared from "../../grid/preferences.ts";
import { DEFAULT_COLUMNS, GRID_COLUMNS, GRID_KEY, type GridColumn } from "./params.ts";

export const MAILBOX_GRID: shared.GridSpec<GridColumn> = {
  key: GRID_KEY,
  columns: GRID_COLUMNS,
  defaultColumns: DEFAULT_COLUMNS,
  // Owner and email identify a row.
  required: ["owner", "email"],
};

export type GridPreferenceView = shared.GridPreferenceView<GridColumn>;

export const cleanColumns = (value: unknown) => shared.cleanColumns(MAILBOX_GRID, value);
export const loadGridPreference = (db: Db, userId: number) => shared.loadGridPreference(db, userId, MAILBOX_GRID);
export const saveGridPreference = (db: Db, userId: number, preference: GridPreferenceView) =>
  shared.saveGridPreference(db, userId, MAILBOX_GRID, preference);
export const listPresets = (db: Db, userId: number) => shared.listPresets(db, userId, GRID_KEY);
export const savePreset = (db: Db, userId: number, name: string, query: string) =>
  shared.savePreset(db, userId, GRID_KEY, name, query);
export const deletePreset = (db: Db, userId: number, id: number) => shared.deletePreset(db, userId, GRID_KEY, id);
