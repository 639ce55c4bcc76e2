// Norwegian organisation number: 9 digits, MOD11 with weights 3 2 7 6 5 4 3 2 on the first eight.
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

export function isValidOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, weight, index) => acc + weight * (digits[index] ?? 0), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  // A computed check digit of 10 means no valid number exists with these eight digits.
  if (check === 10) return false;
  return check === digits[8];
}
