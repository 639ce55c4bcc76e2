// General rules R07, R11–R14: how applications are assessed, granted, paid and reported. They describe the
// scheme rather than test the package, so they are `info` and never decide a verdict; their reasons tell the
// assessor what the scheme says for this application.
import { norwegianDate } from './dates';
import { fail, krEn, krNb, missingData, pass } from './outcome';
import type { RuleDefinition } from './types';

export const r07: RuleDefinition = {
  id: 'R07',
  focusAreas: 'all',
  title: { nb: 'Vurderes etter gjennomføringsevne og overføringsverdi', en: 'Assessed on feasibility and transfer value' },
  schemeText: 'Prosjektsøknadene blir vurdert etter gjennomføringsevne og overføringsverdi.',
  severity: 'info',
  kind: 'auto',
  check:
    'Information: names the scheme\'s two criteria.',
  evaluate: ({ scheme }) => {
    const nb = scheme.criteria.map((criterion) => criterion.title.nb.toLowerCase()).join(' og ');
    const en = scheme.criteria.map((criterion) => criterion.title.en.toLowerCase()).join(' and ');
    return pass(`Søknaden poengsettes på ${nb} i vurderingen.`, `The application is scored on ${en} in the assessment.`);
  },
};

export const r11: RuleDefinition = {
  id: 'R11',
  focusAreas: 'all',
  title: { nb: 'Tilskuddspotter', en: 'Budget pools' },
  schemeText: 'IMDi fordeler inntil 58,4 millioner kroner i tilskudd.',
  severity: 'info',
  kind: 'auto',
  check:
    'Information: the budget pool of the focus area; fail (info only) when one year\'s requestedGrant exceeds the whole pool.',
  evaluate: (context) => {
    const missing = missingData(context, ['focusArea', 'budget.year', 'budget.requestedGrant']);
    if (missing) return missing;
    const { application, scheme } = context;
    const pool = scheme.budget.pools.find((candidate) => candidate.focusAreas.includes(application.focusArea));
    if (!pool) {
      return fail(
        `Ordningen har ingen pott for satsingsområde ${application.focusArea}.`,
        `The scheme has no budget pool for focus area ${application.focusArea}.`,
      );
    }
    const reservedNb = pool.reserved ? 'forbeholdt' : 'delt med andre satsingsområder';
    const reservedEn = pool.reserved ? 'reserved' : 'shared with other focus areas';
    const largest = Math.max(...application.budget.map((year) => year.requestedGrant));
    const poolNb = `Satsingsområde ${application.focusArea} får tilskudd fra potten «${pool.title.nb}» på ${krNb(pool.amount)} (${reservedNb}).`;
    const poolEn = `Focus area ${application.focusArea} is funded from the pool "${pool.title.en}" of ${krEn(pool.amount)} (${reservedEn}).`;
    if (largest > pool.amount) {
      return fail(
        `${poolNb} Søknaden ber om ${krNb(largest)} i ett år, mer enn hele potten.`,
        `${poolEn} The application asks for ${krEn(largest)} in one year, more than the whole pool.`,
      );
    }
    return pass(poolNb, poolEn);
  },
};

export const r12: RuleDefinition = {
  id: 'R12',
  focusAreas: 'all',
  title: { nb: 'Tildeles for ett år av gangen', en: 'Granted one year at a time' },
  schemeText: 'Tilskuddet tildeles for ett år av gangen og utbetales i to terminer, vår og høst.',
  severity: 'info',
  kind: 'auto',
  check:
    'Information: lists the budget years.',
  evaluate: (context) => {
    const missing = missingData(context, ['budget.year']);
    if (missing) return missing;
    const years = context.application.budget.map((year) => year.year).sort((a, b) => a - b);
    const list = years.join(', ');
    return pass(
      `Budsjettet gjelder ${years.length} år (${list}); tilskudd tildeles for ett år av gangen og utbetales vår og høst.`,
      `The budget covers ${years.length} ${years.length === 1 ? 'year' : 'years'} (${list}); grants are awarded one year at a time and paid in spring and autumn.`,
    );
  },
};

export const r13: RuleDefinition = {
  id: 'R13',
  focusAreas: 'all',
  title: { nb: 'Rapporteringsfrister', en: 'Reporting deadlines' },
  schemeText: '01.09.2021 – statusrapport om gjennomføring av prosjektet',
  severity: 'info',
  kind: 'auto',
  check:
    'Information: the scheme\'s reporting deadlines.',
  evaluate: ({ scheme }) => {
    const nb = scheme.reportingDeadlines.map((deadline) => `${norwegianDate(deadline.date)} ${deadline.title.nb}`).join('; ');
    const en = scheme.reportingDeadlines.map((deadline) => `${deadline.date} ${deadline.title.en}`).join('; ');
    return pass(`Rapporteringsfrister: ${nb}.`, `Reporting deadlines: ${en}.`);
  },
};

export const r14: RuleDefinition = {
  id: 'R14',
  focusAreas: 'all',
  title: { nb: 'Ingen klagerett', en: 'No right of appeal' },
  schemeText: 'Kommunene har ikke rett til å klage på tildeling av eller avslag på tilskudd (fvl . §§ 3 første ledd og 28).',
  severity: 'info',
  kind: 'auto',
  check:
    'Information.',
  evaluate: () =>
    pass(
      'Vedtaket kan ikke påklages (forvaltningsloven §§ 3 første ledd og 28); ellers gjelder forvaltningslovens saksbehandlingsregler.',
      'The decision cannot be appealed (Public Administration Act §§ 3(1) and 28); its other procedural rules apply.',
    ),
};
