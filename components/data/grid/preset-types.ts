// What a grid hands the shared presets menu: its built-in presets and its own preset actions.
import type { ActionResult } from "@/lib/actions/result";
import type { SavedPreset } from "@/lib/grid/preferences";

/** A grid's preset actions (its own server actions, keyed by its grid key on the server). */
export interface PresetActions {
  save: (input: { name: string; query: string }) => Promise<ActionResult<SavedPreset>>;
  remove: (input: { id: number }) => Promise<unknown>;
}

/** A preset that answers an everyday question of this grid in one click (SPEC §2.2). */
export interface BuiltInPreset {
  key: string;
  label: string;
  query: string;
}
