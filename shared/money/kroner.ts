// Money is whole kroner (integers). Formatting goes through Intl so separators are the real Norwegian ones
// (U+00A0 as group separator, U+2212 as minus sign); never parse formatted text back.
import type { Language } from '../i18n/localized';
import type { SchemeDefinition } from '../scheme/schema';

const formatters: Record<Language, Intl.NumberFormat> = {
  nb: new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'NOK', minimumFractionDigits: 0, maximumFractionDigits: 0 }),
};

/** "1 234 567 kr" (nb, with U+00A0) or "NOK 1,234,567" (en). Refuses anything but whole kroner. */
export function formatKroner(amount: number, lang: Language = 'nb'): string {
  assertKroner(amount);
  return formatters[lang].format(amount);
}

export function isKroner(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertKroner(value: number): void {
  if (!isKroner(value)) throw new RangeError(`Not whole kroner: ${value}`);
}

/** Sum of whole-kroner amounts; throws instead of producing a float or an unsafe integer. */
export function sumKroner(amounts: readonly number[]): number {
  const total = amounts.reduce((acc, amount) => {
    assertKroner(amount);
    return acc + amount;
  }, 0);
  assertKroner(total);
  return total;
}

/**
 * The grunnbeløp (G) in force on a calendar date 'YYYY-MM-DD' (G changes on 1 May). Undefined before the
 * scheme's table starts. After the last entry the last known G stays in force: later G are not yet known.
 */
export function gInForce(scheme: Pick<SchemeDefinition, 'grunnbelop'>, date: string): number | undefined {
  let amount: number | undefined;
  for (const entry of scheme.grunnbelop) {
    if (entry.from <= date) amount = entry.amount;
    else break;
  }
  return amount;
}
