// Presentation helpers for the UI language.
import type { Language } from '../../shared/i18n/localized';

export function uiLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'nb';
}

const kronerFormat = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });

export function kroner(amount: number | null): string {
  return amount === null ? '–' : kronerFormat.format(amount);
}
