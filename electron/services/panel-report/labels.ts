// Norwegian display text shared by the panel's PDF, workbook and letters: numbers, dates, flag kinds and
// the reasons an application is not recommended.
import { osloDateOf } from '../../../shared/time/oslo';
import type { NotRecommendedReason } from './model';

const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

/** A score or total with a decimal comma ("4,5"); U+2212 for minus, as Intl gives it. */
export function formatNumber(value: number | null): string {
  return value === null ? '—' : decimal.format(value);
}

/** Whole kroner without the currency, for table cells under a "kr" header ("1 500 000"). */
export function formatAmount(value: number): string {
  return whole.format(value);
}

/** "9. februar 2021" from an ISO date or instant, the Oslo calendar day. */
export function norwegianLongDate(iso: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : osloDateOf(iso);
  const [year, month, date] = day.split('-').map(Number);
  return `${date}. ${MONTHS[(month ?? 1) - 1] ?? ''} ${year}`;
}

/** "01.09.2021", the date style of the scheme text. */
export function norwegianShortDate(iso: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : osloDateOf(iso);
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

const FLAG_KINDS: Record<string, string> = {
  'too-few-assessments': 'For få vurderinger',
  'conflict-of-interest': 'Inhabilitet',
  spread: 'Stor spredning',
  'threshold-split': 'Scorer på begge sider av terskelen',
  'eligibility-disagreement': 'Uenighet om formelle krav',
  'grant-vs-reject': 'Tilskudd mot avslag',
  'amount-difference': 'Beløp mer enn 25 % fra hverandre',
  'version-conflict': 'Versjonskonflikt',
  'untrusted-input': 'Ikke-klarert innspill',
};

export function flagKindLabel(kind: string): string {
  return FLAG_KINDS[kind] ?? kind;
}

const FLAG_STATES: Record<string, string> = { open: 'Åpent', settled: 'Avgjort', automatic: 'Automatisk' };

export function flagStateLabel(state: string): string {
  return FLAG_STATES[state] ?? state;
}

/** One sentence per reason, as the innstilling and the workbook show it. */
export function reasonText(reason: NotRecommendedReason): string {
  switch (reason.kind) {
    case 'ineligible':
      return `Oppfyller ikke formelle krav: ${reason.rules.map((rule) => `${rule.id} ${rule.title}`).join('; ') || 'se begrunnelse'}${reason.justification ? ` (${reason.justification})` : ''}`;
    case 'below-threshold':
      return `Under terskel: ${reason.scores.map((score) => `${score.title} ${formatNumber(score.score)} (terskel ${score.threshold})`).join('; ')}`;
    case 'no-funds':
      return `Ikke midler igjen i potten ${reason.poolTitle}: ${formatAmount(reason.left)} kr igjen, ${formatAmount(reason.requested)} kr trengs`;
    case 'not-settled':
      return `Konsensus mangler: ${reason.missing.join(', ')}`;
  }
}

/** Text starting with = + - @ (or a tab / carriage return) gets a leading apostrophe, so no spreadsheet runs it. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
