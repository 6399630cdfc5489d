// Polish tax id (NIP): 10 digits, weights 6,5,7,2,3,4,5,6,7 on the first nine, sum mod 11 equals
// the tenth digit (a remainder of 10 is never valid). Accepts a PL prefix, spaces and dashes.

const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

/** The ten digits of a valid NIP, or null. */
export function normalizeNip(input: string): string | null {
  const digits = input.trim().replace(/^PL/i, "").replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return null;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  const check = sum % 11;
  return check !== 10 && check === Number(digits[9]) ? digits : null;
}

/** 8567346215 → 856-734-62-15 */
export function formatNip(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8, 10)}`;
}
