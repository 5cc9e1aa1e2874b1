// The grid day arithmetic is shared (lib/grid/dates.ts); kept here for the mailbox grid's imports.
export { DAY_MS, startOfDay } from "../../grid/dates.ts";
