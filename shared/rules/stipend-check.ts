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

/** SO1: years where own contribution and other funding cannot cover the stipend the grant does not pay. */
function uncoveredRest(context: RuleContext, summary: StipendSummary): RuleOutcome | undefined {
  const nb: string[] = [];
  const en: string[] = [];
  for (const year of context.application.budget) {
    const grant = summary.grantShareByYear[year.year];
    if (grant === undefined) continue;
    // The year's full stipend as the same allocated figures the calculator shows (docs/money.md), so the reason
    // quotes numbers the assessor can find there.
    const full = grant + (summary.municipalityShareByYear[year.year] ?? 0);
    const rest = full - year.stipendRequested;
    const available = year.ownContribution + year.otherFunding;
    if (available < rest) {
      nb.push(`${year.year}: deltakerstønad ${krNb(full)}, søkt ${krNb(year.stipendRequested)}, resten ${krNb(rest)}, men egenandel og annen finansiering er ${krNb(available)}`);
      en.push(`${year.year}: participant stipend ${krEn(full)}, requested ${krEn(year.stipendRequested)}, rest ${krEn(rest)}, but own contribution and other funding are ${krEn(available)}`);
    }
  }
  if (nb.length === 0) return undefined;
  return review(
    `Kommunen skal dekke resten av stønaden (2G, 2/3 under 25 år) med egne midler, men budsjettet ser ikke ut til å dekke den: ${nb.join('; ')}.`,
    `The municipality must pay the rest of the stipend (2G, 2/3 under 25) from its own funds, but the budget does not seem to cover it: ${en.join('; ')}.`,
  );
}

/**
 * The stated participant count and the listed participants must agree: the stipend is computed from the list,
 * so a count above it means participants the computation does not know about (and the other way round).
 */
export function participantCountMismatch(context: RuleContext): RuleOutcome | undefined {
  if (missingData(context, ['participants.count'])) return undefined;
  const { count, list } = context.application.participants;
  if (list === undefined || list.length === count) return undefined;
  return review(
    `Søknaden oppgir ${count} deltakere, men deltakerlisten har ${list.length}; deltakerstønaden er beregnet fra listen. Avklar antallet med søkeren.`,
    `The application states ${count} participants, but the participant list has ${list.length}; the stipend is computed from the list. Clarify the number with the applicant.`,
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
  const mismatch = participantCountMismatch(context);
  if (mismatch) return mismatch;
  const rest = check.municipalityPaysRest ? uncoveredRest(context, summary) : undefined;
  if (rest) return rest;
  if (requested.length === 0) return pass('Det er ikke søkt om deltakerstønad.', 'No participant stipend is requested.');
  const nb = requested.map((year) => `${year.year}: ${krNb(year.stipendRequested)} av ${krNb(share(year.year))}`);
  const en = requested.map((year) => `${year.year}: ${krEn(year.stipendRequested)} of ${krEn(share(year.year))}`);
  return pass(`Søkt stønad er innenfor ${check.capNb} (${nb.join('; ')}).`, `The requested stipend is within ${check.capEn} (${en.join('; ')}).`);
}
