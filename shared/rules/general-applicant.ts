// General rules R01–R03: who may apply, by when, and in which focus area.
import { classifyApplicant, findMunicipality } from '../municipality/registry';
import { isOnOrBeforeDeadline } from '../time/oslo';
import { formatLongDate, formatOsloDateTime } from '../time/display';
import { fail, joinList, missingData, pass, review } from './outcome';
import type { RuleDefinition, RuleOutcome } from './types';
import type { ApplicationPackage } from '../package/schema';

/** Problems with the partner municipalities, one line each in nb and en; empty when all are valid. */
function partnerProblems(application: ApplicationPackage): { nb: string[]; en: string[] } {
  const nb: string[] = [];
  const en: string[] = [];
  for (const partner of application.partnerMunicipalities) {
    const municipality = findMunicipality(partner.municipalityNumber);
    if (!municipality) {
      nb.push(`samarbeidskommune ${partner.municipalityNumber} (${partner.name}) finnes ikke i kommunelisten`);
      en.push(`partner municipality ${partner.municipalityNumber} (${partner.name}) is not in the municipality list`);
    } else if (partner.organisationNumber !== undefined && partner.organisationNumber !== municipality.organisationNumber) {
      nb.push(
        `samarbeidskommune ${partner.municipalityNumber} ${municipality.name} har organisasjonsnummer ${municipality.organisationNumber}, ikke ${partner.organisationNumber}`,
      );
      en.push(
        `partner municipality ${partner.municipalityNumber} ${municipality.name} has organisation number ${municipality.organisationNumber}, not ${partner.organisationNumber}`,
      );
    } else if (partner.municipalityNumber === application.applicant.municipalityNumber) {
      nb.push(`samarbeidskommune ${partner.municipalityNumber} er søkeren selv`);
      en.push(`partner municipality ${partner.municipalityNumber} is the applicant itself`);
    }
  }
  return { nb, en };
}

function applicantOutcome(application: ApplicationPackage): RuleOutcome {
  const classification = classifyApplicant(application.applicant);
  const { nb, en } = classification.reason;
  switch (classification.kind) {
    case 'municipality':
      return pass(nb, en);
    case 'municipal-unit':
      return review(nb, en);
    case 'not-municipality':
    case 'unknown-municipality':
      return fail(`${nb} Bare kommuner kan søke.`, `${en} Only municipalities may apply.`);
  }
}

export const r01: RuleDefinition = {
  id: 'R01',
  focusAreas: 'all',
  title: { nb: 'Søkeren er en kommune med prosjektansvaret', en: 'The applicant is a municipality holding project responsibility' },
  schemeText:
    'Alle kommuner kan søke om tilskudd, enten alene eller sammen med andre kommuner. Søknaden må fremmes av den kommunen som påtar seg prosjektansvaret.',
  severity: 'reject',
  kind: 'auto-override',
  check:
    'applicant against the 2020 municipality list: the municipality\'s own organisation number → pass; another organisation number in a listed municipality (bydel, KF, adult-education centre) → review; a non-municipal name, an invalid number or an unknown municipality number → fail. Each partner municipality must be in the list, match its organisation number when one is given, and not be the applicant → else fail.',
  evaluate: (context) => {
    const missingApplicant = missingData(context, ['applicant']);
    if (missingApplicant) return missingApplicant;
    const outcome = applicantOutcome(context.application);
    // A non-municipal applicant fails whatever the export says about partners.
    const missingPartners = missingData(context, ['partnerMunicipalities']);
    if (missingPartners && outcome.status !== 'fail') {
      return review(`${outcome.reason.nb} ${missingPartners.reason.nb}`, `${outcome.reason.en} ${missingPartners.reason.en}`);
    }
    const problems = partnerProblems(context.application);
    if (problems.nb.length === 0 || outcome.status === 'fail') return outcome;
    return fail(
      `${outcome.reason.nb} Men: ${joinList(problems.nb, 'nb')}.`,
      `${outcome.reason.en} But: ${joinList(problems.en, 'en')}.`,
    );
  },
};


export const r02: RuleDefinition = {
  id: 'R02',
  focusAreas: 'all',
  title: { nb: 'Mottatt innen fristen', en: 'Received by the deadline' },
  schemeText: 'For seint innkomne søknader vil ikke bli behandlet.',
  severity: 'reject',
  severityNote: {
    nb: '«Vil ikke bli behandlet» utelukker søknaden: en for sen søknad avvises.',
    en: '"Will not be processed" excludes the application: a late application is rejected.',
  },
  kind: 'auto',
  check:
    'submittedAt as a calendar day in Europe/Oslo on or before the scheme\'s deadline date → pass; later → fail.',
  evaluate: (context) => {
    const missing = missingData(context, ['submittedAt']);
    if (missing) return missing;
    const { submittedAt } = context.application;
    const { deadline } = context.scheme;
    // Receipt times are shown as Oslo wall-clock time whatever offset the package used.
    const received = formatOsloDateTime(submittedAt, 'nb');
    const receivedEn = formatOsloDateTime(submittedAt, 'en');
    const due = formatLongDate(deadline.date, 'nb');
    const dueEn = formatLongDate(deadline.date, 'en');
    if (isOnOrBeforeDeadline(submittedAt, deadline)) {
      return pass(`Mottatt ${received} (norsk tid), innen fristen ${due}.`, `Received ${receivedEn} (Oslo time), by the deadline ${dueEn}.`);
    }
    return fail(
      `Mottatt ${received} (norsk tid), etter fristen ${due} kl. 23.59; for sent innkomne søknader behandles ikke.`,
      `Received ${receivedEn} (Oslo time), after the deadline ${dueEn}, 23:59; late applications are not processed.`,
    );
  },
};

export const r03: RuleDefinition = {
  id: 'R03',
  focusAreas: 'all',
  title: { nb: 'Ett satsingsområde', en: 'One focus area' },
  schemeText: 'Prosjektene skal prøve ut eller utvikle integreringstiltak innenfor hvert av de seks satsingsområdene.',
  severity: 'reject',
  kind: 'auto-override',
  check:
    'focusArea is a focus area of the scheme → pass (the assessor may override when the project does not fit it).',
  evaluate: (context) => {
    const missing = missingData(context, ['focusArea']);
    if (missing) return missing;
    const { focusArea } = context.application;
    const definition = context.scheme.focusAreas.find((candidate) => candidate.id === focusArea);
    if (!definition) {
      return fail(
        `Satsingsområde ${focusArea} finnes ikke i ordningen.`,
        `Focus area ${focusArea} does not exist in the scheme.`,
      );
    }
    return pass(
      `Søknaden gjelder ett satsingsområde: ${definition.code} ${definition.title.nb}. Saksbehandler kan overstyre hvis prosjektet ikke hører hjemme der.`,
      `The application is for one focus area: ${definition.code} ${definition.title.en}. The assessor may override if the project does not belong there.`,
    );
  },
};
