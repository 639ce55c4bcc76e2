// R20 (SO1) and R24 (SO2): the stipend requested each budget year against the stipend computed month by month
// from the participant list (shared/money/stipend.ts), and for SO1 whether the municipality funds the rest.
import { computeStipend, type StipendSummary } from '../money/stipend';
import { fail, krEn, krNb, missingData, pass, review } from './outcome';
import type { RuleContext, RuleOutcome } from './types';

export interface StipendCheck {
  /** How the cap is named in the reason, e.g. "tilskuddsandelen (inntil 1G per deltaker og år)". */
  capNb: string;
  capEn: string;
  /** SO1: "Resterende stønad skal kommunen dekke med egne midler" – the rest of the 2G must be budgeted. */
  municipalityPaysRest: boolean;
}

interface YearTotals {
  /** Full stipend the participants receive that year (sum of monthly display values). */
  full: number;
  /** Number of participant-months summed; each monthly value is rounded, so the sum may be off by up to half a krone each. */
  months: number;
}

function fullStipendByYear(summary: StipendSummary): Map<number, YearTotals> {
  const byYear = new Map<number, YearTotals>();
  for (const participant of summary.participants) {
    for (const month of participant.months) {
      const year = Number(month.month.slice(0, 4));
      const totals = byYear.get(year) ?? { full: 0, months: 0 };
      totals.full += month.fullStipend;
      totals.months += 1;
      byYear.set(year, totals);
    }
  }
  return byYear;
}

/** SO1: years where own contribution and other funding cannot cover the stipend the grant does not pay. */
function uncoveredRest(context: RuleContext, summary: StipendSummary): RuleOutcome | undefined {
  const totals = fullStipendByYear(summary);
  const nb: string[] = [];
  const en: string[] = [];
  for (const year of context.application.budget) {
    const stipend = totals.get(year.year);
    if (!stipend) continue;
    const rest = stipend.full - year.stipendRequested;
    const available = year.ownContribution + year.otherFunding;
    if (available + stipend.months < rest) {
      nb.push(`${year.year}: stønad ca. ${krNb(stipend.full)}, søkt ${krNb(year.stipendRequested)}, resten ca. ${krNb(rest)}, men egenandel og annen finansiering er ${krNb(available)}`);
      en.push(`${year.year}: stipend about ${krEn(stipend.full)}, requested ${krEn(year.stipendRequested)}, rest about ${krEn(rest)}, but own contribution and other funding are ${krEn(available)}`);
    }
  }
  if (nb.length === 0) return undefined;
  return review(
    `Kommunen skal dekke resten av stønaden (2G, 2/3 under 25 år) med egne midler, men budsjettet ser ikke ut til å dekke den: ${nb.join('; ')}.`,
    `The municipality must pay the rest of the stipend (2G, 2/3 under 25) from its own funds, but the budget does not seem to cover it: ${en.join('; ')}.`,
  );
}

export function stipendOutcome(context: RuleContext, check: StipendCheck): RuleOutcome {
  const missing = missingData(context, ['participants.list', 'budget.year', 'budget.stipendRequested', 'project.startDate', 'project.endDate']);
  if (missing) return missing;
  const requested = context.application.budget.filter((year) => year.stipendRequested > 0);
  const summary = computeStipend(context.application, context.scheme);
  if (summary === undefined) {
    if (requested.length === 0) return pass('Det er ikke søkt om deltakerstønad.', 'No participant stipend is requested.');
    return review(
      'Det er søkt om stønad, men stønaden kan ikke beregnes uten deltakerliste med fødselsdatoer.',
      'A stipend is requested, but it cannot be computed without a participant list with birth dates.',
    );
  }
  const share = (year: number): number => summary.grantShareByYear[year] ?? 0;
  const over = requested.filter((year) => year.stipendRequested > share(year.year));
  if (over.length > 0) {
    const nb = over.map((year) => `${year.year}: søkt ${krNb(year.stipendRequested)}, beregnet tilskuddsandel ${krNb(share(year.year))}`);
    const en = over.map((year) => `${year.year}: requested ${krEn(year.stipendRequested)}, computed grant share ${krEn(share(year.year))}`);
    return fail(`Søkt stønad er høyere enn ${check.capNb}: ${nb.join('; ')}.`, `The requested stipend exceeds ${check.capEn}: ${en.join('; ')}.`);
  }
  const rest = check.municipalityPaysRest ? uncoveredRest(context, summary) : undefined;
  if (rest) return rest;
  if (requested.length === 0) return pass('Det er ikke søkt om deltakerstønad.', 'No participant stipend is requested.');
  const nb = requested.map((year) => `${year.year}: ${krNb(year.stipendRequested)} av ${krNb(share(year.year))}`);
  const en = requested.map((year) => `${year.year}: ${krEn(year.stipendRequested)} of ${krEn(share(year.year))}`);
  return pass(`Søkt stønad er innenfor ${check.capNb} (${nb.join('; ')}).`, `The requested stipend is within ${check.capEn} (${en.join('; ')}).`);
}
