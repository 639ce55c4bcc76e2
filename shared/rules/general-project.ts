// General rules R04–R06, R08–R10: what every project must be and bring.
import { addYears, daysBetween, norwegianDate } from './dates';
import { sumKroner } from '../money/kroner';
import { targetGroupReview } from './common';
import { fail, joinList, krEn, krNb, missingData, pass, review } from './outcome';
import type { RuleDefinition } from './types';

export const r04: RuleDefinition = {
  id: 'R04',
  focusAreas: 'all',
  title: { nb: 'Kunnskaps- og metodeutvikling av nasjonal interesse', en: 'Knowledge and method development of national interest' },
  schemeText: 'Prosjektene skal bidra til kunnskaps- og metodeutvikling av nasjonal interesse.',
  severity: 'reject',
  kind: 'manual',
  check:
    'The assessor\'s judgement.',
  evaluate: () =>
    review(
      'Saksbehandler vurderer om prosjektet bidrar til kunnskaps- og metodeutvikling av nasjonal interesse.',
      'The assessor judges whether the project contributes knowledge and method development of national interest.',
    ),
};

export const r05: RuleDefinition = {
  id: 'R05',
  focusAreas: 'all',
  title: { nb: 'Tidligere relevante prosjekter av god kvalitet', en: 'Previous relevant projects of good quality' },
  schemeText: 'Kommunen må vise til tidligere relevante prosjekter av god kvalitet innen kvalifiserings- og integreringsfeltet.',
  severity: 'reject',
  kind: 'manual',
  check:
    'No previousProjects → fail; otherwise review, listing them for the assessor to judge relevance and quality.',
  evaluate: (context) => {
    const missing = missingData(context, ['previousProjects']);
    if (missing) return missing;
    const projects = context.application.previousProjects;
    if (projects.length === 0) {
      return fail(
        'Søknaden viser ikke til noen tidligere prosjekter innen kvalifisering og integrering.',
        'The application names no previous projects in qualification and integration.',
      );
    }
    const titles = projects.map((project) => `«${project.title}» (${project.year})`);
    const titlesEn = projects.map((project) => `"${project.title}" (${project.year})`);
    return review(
      `${projects.length} ${projects.length === 1 ? 'tidligere prosjekt' : 'tidligere prosjekter'}: ${joinList(titles, 'nb')}. Saksbehandler vurderer relevans og kvalitet.`,
      `${projects.length} ${projects.length === 1 ? 'previous project' : 'previous projects'}: ${joinList(titlesEn, 'en')}. The assessor judges relevance and quality.`,
    );
  },
};

export const r06: RuleDefinition = {
  id: 'R06',
  focusAreas: 'all',
  title: { nb: 'Egenandel i alle prosjekter', en: 'Own contribution in every project' },
  schemeText: 'Kommunen må bidra med egenandel i alle prosjekter.',
  severity: 'reject',
  // The scheme asks for an own contribution per project («i alle prosjekter», SO3: «i prosjektet»), not per
  // budget year; a year without one is for the assessor to judge, and an assessor may override with a reason.
  kind: 'auto-override',
  check:
    'budget[].ownContribution > 0 in every year → pass; the total over all years 0 (or no budget year) → fail; total > 0 but some year 0 → review naming those years (the scheme asks per project, not per year).',
  evaluate: (context) => {
    const missing = missingData(context, ['budget.year', 'budget.ownContribution']);
    if (missing) return missing;
    const years = context.application.budget;
    const total = sumKroner(years.map((year) => year.ownContribution));
    const perYearNb = years.map((year) => `${year.year}: ${krNb(year.ownContribution)}`).join(', ');
    const perYearEn = years.map((year) => `${year.year}: ${krEn(year.ownContribution)}`).join(', ');
    if (years.length === 0) {
      return fail(
        'Søknaden har ikke noe budsjett, så egenandelen kan ikke vises; kommunen må bidra med egenandel i prosjektet.',
        'The application has no budget, so no own contribution is shown; the municipality must contribute to the project.',
      );
    }
    if (total <= 0) {
      return fail(
        `Ingen egenandel i prosjektet (samlet ${krNb(total)}; ${perYearNb}); kommunen må bidra med egenandel i alle prosjekter.`,
        `No own contribution in the project (total ${krEn(total)}; ${perYearEn}); the municipality must contribute to every project.`,
      );
    }
    const without = years.filter((year) => year.ownContribution <= 0).map((year) => String(year.year));
    if (without.length > 0) {
      return review(
        `Samlet egenandel ${krNb(total)} (${perYearNb}), men ingen egenandel i ${joinList(without, 'nb')}; vurder om det er akseptabelt.`,
        `Total own contribution ${krEn(total)} (${perYearEn}), but none in ${joinList(without, 'en')}; judge whether that is acceptable.`,
      );
    }
    return pass(
      `Egenandel hvert år, samlet ${krNb(total)} (${perYearNb}).`,
      `Own contribution every year, total ${krEn(total)} (${perYearEn}).`,
    );
  },
};

export const r08: RuleDefinition = {
  id: 'R08',
  focusAreas: 'all',
  title: { nb: 'Unntak fra introduksjonsloven er søkt', en: 'Exemption from the Introduction Act requested' },
  schemeText:
    'Ønsker dere å prøve ut tiltak som ligger utenfor introduksjonsloven, må dere søke Kunnskapsdepartementet om unntak i en tidsavgrenset periode.',
  severity: 'reject',
  kind: 'auto',
  check:
    'project.outsideIntroductionAct without project.exemptionRequested → fail; otherwise pass.',
  evaluate: (context) => {
    const missing = missingData(context, ['project.outsideIntroductionAct', 'project.exemptionRequested']);
    if (missing) return missing;
    const { outsideIntroductionAct, exemptionRequested } = context.application.project;
    if (!outsideIntroductionAct) {
      return pass('Tiltakene ligger innenfor introduksjonsloven; unntak trengs ikke.', 'The measures are within the Introduction Act; no exemption is needed.');
    }
    if (exemptionRequested) {
      return pass(
        'Tiltakene ligger utenfor introduksjonsloven, og unntak er søkt fra Kunnskapsdepartementet.',
        'The measures are outside the Introduction Act, and an exemption has been requested from the Ministry of Education.',
      );
    }
    return fail(
      'Tiltakene ligger utenfor introduksjonsloven, men det er ikke søkt Kunnskapsdepartementet om unntak.',
      'The measures are outside the Introduction Act, but no exemption has been requested from the Ministry of Education.',
    );
  },
};

export const r09: RuleDefinition = {
  id: 'R09',
  focusAreas: 'all',
  title: { nb: 'Målgruppen er innvandrere; nyankomne prioriteres', en: 'Target group immigrants; newly arrived prioritised' },
  schemeText:
    'Målgruppen er innvandrere. Nyankomne innvandrere som er omfattet av introduksjonsloven (jf. § 2 og § 17) eller integreringsloven (jf. § 9 og § 28) prioriteres.',
  severity: 'priority',
  kind: 'manual',
  check:
    'The assessor\'s judgement of project.targetGroup, quoted in the reason.',
  evaluate: (context) =>
    targetGroupReview(context, {
      nb: 'Saksbehandler vurderer om nyankomne etter introduksjonsloven/integreringsloven er med.',
      en: 'The assessor judges whether newly arrived immigrants under the Introduction/Integration Act are included.',
    }),
};

export const r10: RuleDefinition = {
  id: 'R10',
  focusAreas: 'all',
  title: { nb: 'Flerårig støtte i inntil tre år', en: 'Multi-year support for at most three years' },
  schemeText: 'Flerårige prosjekter kan få støtte i inntil tre år, men med forbehold om Stortingets bevilgning for hvert budsjettår.',
  severity: 'reject',
  severityNote: {
    nb: '«Inntil tre år» er en øvre grense: et lengre prosjekt kan ikke få støtte slik det er søkt.',
    en: '"Up to three years" is an upper limit: a longer project cannot be funded as applied for.',
  },
  kind: 'auto-override',
  check:
    'project.endDate before the same date maxDurationYears (3) after project.startDate, and not before the start → pass; longer → fail, stating the days over; more budget years than such a period can span → review.',
  evaluate: (context) => {
    const missing = missingData(context, ['project.startDate', 'project.endDate', 'budget.year']);
    if (missing) return missing;
    const { startDate, endDate } = context.application.project;
    const max = context.scheme.maxDurationYears;
    const period = `${norwegianDate(startDate)}–${norwegianDate(endDate)}`;
    if (daysBetween(startDate, endDate) < 0) {
      return fail(`Sluttdatoen er før startdatoen (${period}).`, `The end date is before the start date (${startDate} to ${endDate}).`);
    }
    // The last allowed day is the day before the same date `max` years later (3 years from 2021-03-01 end 2024-02-29).
    const limit = addYears(startDate, max);
    if (daysBetween(endDate, limit) <= 0) {
      const over = daysBetween(limit, endDate) + 1;
      return fail(
        `Prosjektperioden ${period} er ${over} ${over === 1 ? 'dag' : 'dager'} lenger enn ${max} år.`,
        `The project period ${startDate} to ${endDate} is ${over} ${over === 1 ? 'day' : 'days'} longer than ${max} years.`,
      );
    }
    const budgetYears = context.application.budget.length;
    if (budgetYears > max + 1) {
      return review(
        `Prosjektperioden ${period} er innenfor ${max} år, men budsjettet har ${budgetYears} år; kontroller budsjettet.`,
        `The project period ${startDate} to ${endDate} is within ${max} years, but the budget has ${budgetYears} years; check the budget.`,
      );
    }
    return pass(`Prosjektperioden ${period} er innenfor ${max} år.`, `The project period ${startDate} to ${endDate} is within ${max} years.`);
  },
};
