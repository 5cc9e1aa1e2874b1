import { handlers } from "./index.ts";

export const { GET, POST } = handlers;
