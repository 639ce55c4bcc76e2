// General rules R15 (voluntary organisations) and R16 (the budget adds up).
import { fail, joinList, krEn, krNb, missingData, pass, review } from './outcome';
import type { RuleDefinition } from './types';

export const r15: RuleDefinition = {
  id: 'R15',
  focusAreas: 'all',
  title: { nb: 'Samarbeid med frivillige organisasjoner', en: 'Cooperation with voluntary organisations' },
  schemeText:
    'Det oppfordres til samarbeid med frivillige organisasjoner som har fått støtte overTilskudd til integreringsarbeid i regi av frivillige organisasjoner, del B, der det kan være hensiktsmessig og bidra til måloppnåelse for de to ordningene.',
  severity: 'priority',
  kind: 'auto',
  check:
    'A partner of kind voluntary-organisation, or project.volunteerCooperation → pass; otherwise fail (priority: informs scoring only).',
  evaluate: (context) => {
    const missing = missingData(context, ['partners', 'project.volunteerCooperation']);
    if (missing) return missing;
    const voluntary = context.application.partners.filter((partner) => partner.kind === 'voluntary-organisation');
    if (voluntary.length > 0) {
      const names = voluntary.map((partner) => partner.name);
      return pass(
        `Samarbeider med frivillig organisasjon: ${joinList(names, 'nb')}.`,
        `Cooperates with voluntary organisation(s): ${joinList(names, 'en')}.`,
      );
    }
    if (context.application.project.volunteerCooperation === true) {
      return pass('Søknaden oppgir samarbeid med frivillige organisasjoner.', 'The application states cooperation with voluntary organisations.');
    }
    return fail(
      'Ingen samarbeid med frivillige organisasjoner er oppgitt (oppfordres, ikke krav).',
      'No cooperation with voluntary organisations is stated (encouraged, not required).',
    );
  },
};

export const r16: RuleDefinition = {
  id: 'R16',
  focusAreas: 'all',
  title: { nb: 'Budsjettet går opp', en: 'The budget adds up' },
  schemeText: 'IMDi vurderer søknadene og beregner størrelsen på tilskuddet etter en totalvurdering av prosjektets finansieringsbehov.',
  severity: 'reject',
  severityNote: {
    nb: 'Tilskuddet beregnes ut fra prosjektets finansieringsbehov; et budsjett som ikke går opp, kan ikke vurderes. Saksbehandler kan overstyre etter avklaring med søkeren.',
    en: 'The grant is computed from the project\'s funding need; a budget that does not add up cannot be assessed. The assessor may override after clarifying with the applicant.',
  },
  kind: 'auto-override',
  check:
    'Every budget year: totalCost = ownContribution + requestedGrant + otherFunding, stipendRequested ≤ requestedGrant, and the year listed once → pass; fail names the year and the difference in kroner. A grant requested for a year before the scheme\'s year (the round\'s year) → review.',
  evaluate: (context) => {
    const missing = missingData(context, ['budget.year', 'budget.totalCost', 'budget.ownContribution', 'budget.requestedGrant', 'budget.otherFunding']);
    if (missing) return missing;
    const nb: string[] = [];
    const en: string[] = [];
    for (const year of context.application.budget) {
      const sum = year.ownContribution + year.requestedGrant + year.otherFunding;
      const difference = year.totalCost - sum;
      if (difference !== 0) {
        const side = difference > 0 ? 'mindre' : 'mer';
        const sideEn = difference > 0 ? 'less' : 'more';
        nb.push(
          `${year.year}: egenandel + søkt tilskudd + annen finansiering = ${krNb(sum)}, ${krNb(Math.abs(difference))} ${side} enn totalkostnaden ${krNb(year.totalCost)}`,
        );
        en.push(
          `${year.year}: own contribution + requested grant + other funding = ${krEn(sum)}, ${krEn(Math.abs(difference))} ${sideEn} than the total cost ${krEn(year.totalCost)}`,
        );
      }
      if (year.stipendRequested > year.requestedGrant) {
        nb.push(`${year.year}: søkt stønad ${krNb(year.stipendRequested)} er større enn søkt tilskudd ${krNb(year.requestedGrant)}`);
        en.push(`${year.year}: requested stipend ${krEn(year.stipendRequested)} exceeds the requested grant ${krEn(year.requestedGrant)}`);
      }
    }
    const years = context.application.budget.map((year) => year.year);
    const duplicates = years.filter((year, index) => years.indexOf(year) !== index);
    for (const year of new Set(duplicates)) {
      nb.push(`${year} står mer enn én gang i budsjettet`);
      en.push(`${year} appears more than once in the budget`);
    }
    // The scheme grants from the round's year on, one year at a time (R12): money asked for an earlier year
    // cannot be granted, and usually means a typing error in the year.
    const early = context.application.budget.filter((year) => year.year < context.scheme.year && year.requestedGrant > 0);
    const earlyNb = early.map((year) => `${year.year}: søkt tilskudd ${krNb(year.requestedGrant)} for et år før utlysningsåret ${context.scheme.year}`);
    const earlyEn = early.map((year) => `${year.year}: a grant of ${krEn(year.requestedGrant)} requested for a year before the round's year ${context.scheme.year}`);
    if (nb.length > 0) {
      return fail(`Budsjettet går ikke opp: ${[...nb, ...earlyNb].join('; ')}.`, `The budget does not add up: ${[...en, ...earlyEn].join('; ')}.`);
    }
    if (early.length > 0) {
      return review(
        `Budsjettet går opp, men ${earlyNb.join('; ')}; tilskudd tildeles fra ${context.scheme.year}. Avklar med søkeren.`,
        `The budget adds up, but ${earlyEn.join('; ')}; grants are awarded from ${context.scheme.year}. Clarify with the applicant.`,
      );
    }
    const total = context.application.budget.reduce((acc, year) => acc + year.totalCost, 0);
    return pass(
      `Budsjettet går opp hvert år (totalkostnad ${krNb(total)} for ${years.length} år).`,
      `The budget adds up every year (total cost ${krEn(total)} over ${years.length} ${years.length === 1 ? 'year' : 'years'}).`,
    );
  },
};
