import { notFound } from "next/navigation";

// Unknown paths under a locale render the console's not-found page (inside the shell).
export default function CatchAll() {
  notFound();
}
