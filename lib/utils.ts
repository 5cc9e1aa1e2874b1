import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

export function fullName(user: { firstName: string; lastName: string }) {
  return `${user.firstName} ${user.lastName}`.trim();
}

export function initials(user: { firstName: string; lastName: string }) {
  return `${user.firstName.charAt(0)}${user.lastName.charAt(0)}`.toUpperCase();
}

/** Disk space as the grid shows it: megabytes with two decimals (SPEC §2.1). */
export function megabytes(bytes: bigint | number | string): number {
  return Math.round((Number(bytes) / 1024 / 1024) * 100) / 100;
}

/** Lower-case ASCII local part: "Müller" → "mueller", "De Luca" → "deluca". */
export function emailLocalPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[^a-z]/g, "");
}
