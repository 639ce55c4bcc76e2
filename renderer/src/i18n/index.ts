// i18next setup: Norwegian bokmål is the default, English the alternative. Both files must have the same keys
// (enforced by i18n.test.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/i18n/localized';
import nb from './nb.json';
import en from './en.json';

export const resources = { nb: { translation: nb }, en: { translation: en } } as const;

export function initI18n(language: Language = 'nb'): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'nb',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
