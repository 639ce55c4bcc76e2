// Focus area 1 (SO1), longer qualification (year 4) after the three-year introduction programme: R17–R22.
import type { Participant } from '../package/schema';
import { addYears, daysBetween, nextDay } from './dates';
import { fail, missingData, pass, review } from './outcome';
import { stipendOutcome } from './stipend-check';
import type { RuleContext, RuleDefinition, RuleOutcome } from './types';

/** The participant list, or the outcome to return when a rule cannot look at one. */
function participantList(context: RuleContext): Participant[] | RuleOutcome {
  const missing = missingData(context, ['participants.list']);
  if (missing) return missing;
  const list = context.application.participants.list;
  if (list === undefined || list.length === 0) {
    return review(
      'Søknaden har ingen deltakerliste; saksbehandler må kontrollere deltakerne.',
      'The application has no participant list; the assessor must check the participants.',
    );
  }
  return list;
}

function ids(participants: readonly Participant[]): string {
  return participants.map((participant) => participant.id).join(', ');
}

/** R17 in detail: completed year 3, offer of at most one year, funds only after year 3, no gap. */
function year3Outcome(list: readonly Participant[], projectStart: string): RuleOutcome {
  const notCompleted = list.filter((participant) => participant.completedIntroYear3 === false);
  if (notCompleted.length > 0) {
    return fail(
      `${notCompleted.length} av ${list.length} deltakere har ikke fullført tredje år i introduksjonsprogrammet (${ids(notCompleted)}).`,
      `${notCompleted.length} of ${list.length} participants have not completed year 3 of the introduction programme (${ids(notCompleted)}).`,
    );
  }
  const tooLong = list.filter(
    (participant) =>
      participant.stipendStart !== undefined &&
      participant.stipendEnd !== undefined &&
      daysBetween(participant.stipendEnd, addYears(participant.stipendStart, 1)) <= 0,
  );
  if (tooLong.length > 0) {
    return fail(
      `Tilbudet varer mer enn ett år for ${ids(tooLong)}; det kan gis i inntil ett år.`,
      `The offer lasts more than one year for ${ids(tooLong)}; it may be given for at most one year.`,
    );
  }
  const early = list.filter(
    (participant) =>
      participant.introYear3CompletedOn !== undefined &&
      daysBetween(participant.introYear3CompletedOn, participant.stipendStart ?? projectStart) <= 0,
  );
  if (early.length > 0) {
    return fail(
      `Tilbudet starter før tredje år er fullført for ${ids(early)}; midlene kan først brukes etter fullført tredje år.`,
      `The offer starts before year 3 is completed for ${ids(early)}; funds may only be used after year 3.`,
    );
  }
  const unknown = list.filter((participant) => participant.completedIntroYear3 === undefined);
  if (unknown.length > 0) {
    return review(
      `Det er ikke oppgitt om ${ids(unknown)} har fullført tredje år i introduksjonsprogrammet.`,
      `The application does not say whether ${ids(unknown)} completed year 3 of the introduction programme.`,
    );
  }
  const gaps = list.flatMap((participant) => {
    if (participant.introYear3CompletedOn === undefined) return [];
    const days = daysBetween(nextDay(participant.introYear3CompletedOn), participant.stipendStart ?? projectStart);
    return days > 0 ? [{ participant, days }] : [];
  });
  if (gaps.length > 0) {
    const nb = gaps.map(({ participant, days }) => `${participant.id}: ${days} dager`);
    const en = gaps.map(({ participant, days }) => `${participant.id}: ${days} days`);
    return review(
      `Alle ${list.length} deltakere har fullført tredje år, men overgangen til år 4 har opphold (${nb.join(', ')}); overgangen bør skje uten avbrudd.`,
      `All ${list.length} participants completed year 3, but the move to year 4 has a gap (${en.join(', ')}); it should happen without a break.`,
    );
  }
  return pass(
    `Alle ${list.length} deltakere har fullført tredje år i introduksjonsprogrammet.`,
    `All ${list.length} participants have completed year 3 of the introduction programme.`,
  );
}

export const r17: RuleDefinition = {
  id: 'R17',
  focusAreas: [1],
  title: { nb: 'Deltakerne har fullført tredje år', en: 'Participants have completed year 3' },
  schemeText:
    'For prosjekter som skal prøve ut lengre kvalifiseringsløp er det en forutsetning at deltakeren har fullført det tredje året i introduksjonsprogrammet.',
  severity: 'reject',
  kind: 'auto',
  check:
    'participants.list: a participant with completedIntroYear3 false, an offer (stipendStart–stipendEnd) longer than one year, or an offer starting on or before introYear3CompletedOn → fail; completion not stated, or a gap between completion and the offer\'s start → review; no list → review.',
  evaluate: (context) => {
    const list = participantList(context);
    if (!Array.isArray(list)) return list;
    const missing = missingData(context, ['project.startDate']);
    if (missing) return missing;
    return year3Outcome(list, context.application.project.startDate);
  },
};

export const r18: RuleDefinition = {
  id: 'R18',
  focusAreas: [1],
  title: { nb: 'Bare utdanningsrettede tiltak', en: 'Education-oriented measures only' },
  schemeText: 'Forsøkene begrenses til forsøk med utdanningsrettede tiltak.',
  severity: 'reject',
  severityNote: {
    nb: '«Begrenses til» avgrenser hva som kan få støtte; andre tiltak faller utenfor.',
    en: '"Limited to" bounds what can be funded; other measures fall outside.',
  },
  kind: 'auto-override',
  check:
    'project.educationOriented: true → pass, false → fail, absent → review.',
  evaluate: (context) => {
    const missing = missingData(context, ['project.educationOriented']);
    if (missing) return missing;
    switch (context.application.project.educationOriented) {
      case true:
        return pass('Tiltakene er utdanningsrettede.', 'The measures are education-oriented.');
      case false:
        return fail('Tiltakene er ikke utdanningsrettede; forsøkene er begrenset til utdanningsrettede tiltak.', 'The measures are not education-oriented; the trials are limited to education-oriented measures.');
      case undefined:
        return review('Søknaden sier ikke om tiltakene er utdanningsrettede.', 'The application does not say whether the measures are education-oriented.');
    }
  },
};

export const r19: RuleDefinition = {
  id: 'R19',
  focusAreas: [1],
  title: { nb: 'Forankret i individuell plan', en: 'Anchored in the individual plan' },
  schemeText:
    'Et tilbud om forlenget kvalifiseringsløp skal være forankret i deltakerens individuelle plan og være et ledd i et sammenhengende kvalifiseringsløp som varer i opptil fire år.',
  severity: 'reject',
  kind: 'auto-override',
  check:
    'participants.list[].anchoredInIndividualPlan: all true → pass, any false → fail, any absent → review.',
  evaluate: (context) => {
    const list = participantList(context);
    if (!Array.isArray(list)) return list;
    const notAnchored = list.filter((participant) => participant.anchoredInIndividualPlan === false);
    if (notAnchored.length > 0) {
      return fail(
        `Tilbudet er ikke forankret i den individuelle planen for ${ids(notAnchored)}.`,
        `The offer is not anchored in the individual plan for ${ids(notAnchored)}.`,
      );
    }
    const unknown = list.filter((participant) => participant.anchoredInIndividualPlan === undefined);
    if (unknown.length > 0) {
      return review(
        `Det er ikke oppgitt om tilbudet er forankret i den individuelle planen for ${ids(unknown)}.`,
        `The application does not say whether the offer is anchored in the individual plan for ${ids(unknown)}.`,
      );
    }
    return pass(
      `Tilbudet er forankret i den individuelle planen for alle ${list.length} deltakere.`,
      `The offer is anchored in the individual plan for all ${list.length} participants.`,
    );
  },
};

export const r20: RuleDefinition = {
  id: 'R20',
  focusAreas: [1],
  title: { nb: 'Stønad 2G, tilskudd inntil 1G per deltaker og år', en: 'Stipend 2G, grant at most 1G per participant-year' },
  schemeText:
    'Det skal utbetales stønad til deltakere tilsvarende 2G per år. Deltakere under 25 år skal motta 2/3 stønad. Kommunen kan søke om midler til å dekke stønad på opptil 1G per deltaker per år. Resterende stønad skal kommunen dekke med egne midler.',
  severity: 'reject',
  kind: 'auto',
  check:
    'budget[].stipendRequested per year ≤ the grant share computed month by month from the participant list (shared/money/stipend.ts: 1G per participant-year) → else fail citing both amounts; own contribution + other funding must cover the rest of the stipend (2G, 2/3 under 25) → else review; participants.count ≠ the list\'s length → review.',
  evaluate: (context) =>
    stipendOutcome(context, {
      capNb: 'tilskuddsandelen (inntil 1G per deltaker og år)',
      capEn: 'the grant share (at most 1G per participant-year)',
      municipalityPaysRest: true,
    }),
};

export const r21: RuleDefinition = {
  id: 'R21',
  focusAreas: [1],
  title: { nb: 'År 4 registreres ikke i NIR', en: 'Year 4 is not registered in NIR' },
  schemeText: 'Kommunen skal derfor ikke registrere aktiviteter for år 4 i NIR for denne målgruppen.',
  severity: 'info',
  severityNote: {
    nb: '«Skal ikke registrere» er en instruks for gjennomføringen, ikke et vilkår som kan prøves i søknaden.',
    en: '"Shall not register" instructs how to run the project; it is not a condition an application can be tested against.',
  },
  kind: 'auto',
  check:
    'Information.',
  evaluate: () =>
    pass(
      'Til informasjon: aktiviteter i år 4 skal ikke registreres i NIR, fordi år 4 ikke er hjemlet i introduksjonsloven.',
      'For information: year-4 activities are not registered in NIR, because year 4 is not part of the Introduction Act.',
    ),
};

export const r22: RuleDefinition = {
  id: 'R22',
  focusAreas: [1],
  title: { nb: 'Individrapportering; deltakerne informeres', en: 'Individual reporting; participants informed' },
  schemeText: 'Kommunen må informere deltakerne om at opplysningene skal samles inn og brukes til forskningsformål.',
  severity: 'info',
  severityNote: {
    nb: '«Må informere» gjelder rapporteringen etter tildelingen (individrapportering); det er en plikt i tilskuddsbrevet, ikke et vilkår søknaden kan avslås på. Et «nei» vises saksbehandleren som informasjon.',
    en: '"Must inform" belongs to the reporting after the award (individual reporting); it is a duty in the grant letter, not a condition to reject an application on. A "no" is shown to the assessor as information.',
  },
  kind: 'auto-override',
  check:
    'project.participantsInformedOfResearch: true → pass, false → fail, absent → review (info: a reporting duty after the award never rejects).',
  evaluate: (context) => {
    const missing = missingData(context, ['project.participantsInformedOfResearch']);
    if (missing) return missing;
    switch (context.application.project.participantsInformedOfResearch) {
      case true:
        return pass(
          'Deltakerne informeres om at personopplysninger samles inn til forskningsformål (individrapportering).',
          'Participants are told that personal data is collected for research (individual reporting).',
        );
      case false:
        return fail(
          'Søknaden sier at deltakerne ikke informeres om innsamlingen av personopplysninger til forskningsformål.',
          'The application says participants are not told that personal data is collected for research.',
        );
      case undefined:
        return review(
          'Søknaden sier ikke om deltakerne informeres om innsamlingen av personopplysninger til forskningsformål.',
          'The application does not say whether participants are told that personal data is collected for research.',
        );
    }
  },
};
