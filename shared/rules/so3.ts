// Focus area 3 (SO3), ways of working in Norwegian language training: R26–R31.
import { minimumParticipantsRule, priorityThemesOutcome, wordPattern } from './common';
import { fail, missingData, pass, review } from './outcome';
import type { RuleDefinition } from './types';

export const r26: RuleDefinition = {
  id: 'R26',
  focusAreas: [3],
  title: { nb: 'Både klasserom og nett (blended learning)', en: 'Both classroom and online (blended learning)' },
  schemeText:
    'Det er en forutsetning at man prøver ut måter å arbeide på i opplæring som gjennomføres både som klasseromsundervisning og som nettundervisning (blended learning)',
  severity: 'reject',
  kind: 'auto',
  check:
    'delivery.classroom and delivery.online both true → pass; otherwise, or no delivery section, fail.',
  evaluate: (context) => {
    const missing = missingData(context, ['delivery']);
    if (missing) return missing;
    const delivery = context.application.delivery;
    if (delivery === undefined) {
      return fail('Søknaden beskriver ikke undervisningsformen (klasserom/nett).', 'The application does not describe the delivery (classroom/online).');
    }
    if (delivery.classroom && delivery.online) {
      return pass('Opplæringen gis både i klasserom og på nett.', 'Teaching is given both in the classroom and online.');
    }
    const only = delivery.classroom ? 'bare i klasserom' : delivery.online ? 'bare på nett' : 'verken i klasserom eller på nett';
    const onlyEn = delivery.classroom ? 'only in the classroom' : delivery.online ? 'only online' : 'neither in the classroom nor online';
    return fail(`Opplæringen gis ${only}; det kreves både klasserom og nett.`, `Teaching is given ${onlyEn}; both classroom and online are required.`);
  },
};

export const r27 = minimumParticipantsRule('R27', 3);

export const r28: RuleDefinition = {
  id: 'R28',
  focusAreas: [3],
  title: { nb: 'Veileder, finansiert i prosjektet', en: 'Supervisor, financed by the project' },
  schemeText:
    'En veileder skal støtte prosjektet. Veilederen skal være en faglig ressurs og bidra i planlegging, gjennomføring og dokumentasjon av utprøvingen. Veilederen skal fortrinnsvis være en person tilknyttet et universitet eller en høyskole, og veiledningen skal finansieres som en del av prosjektet. Veilederen bør delta i utformingen av prosjektsøknaden.',
  severity: 'reject',
  kind: 'auto-override',
  check:
    'A supervisor financedInBudget → pass (the reason notes a supervisor outside university/college, or one not involved in the application); no supervisor or not financed → fail.',
  evaluate: (context) => {
    const missing = missingData(context, ['supervisor']);
    if (missing) return missing;
    const supervisor = context.application.supervisor;
    if (supervisor === undefined) return fail('Prosjektet har ingen veileder.', 'The project has no supervisor.');
    const who = `${supervisor.name} (${supervisor.institution})`;
    if (!supervisor.financedInBudget) {
      return fail(`Veiledningen ved ${who} er ikke finansiert i prosjektbudsjettet.`, `Supervision by ${who} is not financed in the project budget.`);
    }
    // "fortrinnsvis" and "bør" are preferences: they are named in the reason but do not fail the rule.
    const notesNb: string[] = [];
    const notesEn: string[] = [];
    if (supervisor.institutionKind === 'other') {
      notesNb.push('veilederen er ikke knyttet til universitet eller høyskole (foretrekkes)');
      notesEn.push('the supervisor is not from a university or college (preferred)');
    }
    if (!supervisor.involvedInApplication) {
      notesNb.push('veilederen har ikke deltatt i utformingen av søknaden (bør)');
      notesEn.push('the supervisor did not take part in writing the application (should)');
    }
    const tailNb = notesNb.length > 0 ? `; merk: ${notesNb.join('; ')}` : '';
    const tailEn = notesEn.length > 0 ? `; note: ${notesEn.join('; ')}` : '';
    return pass(`Veileder ${who}, finansiert i budsjettet${tailNb}.`, `Supervisor ${who}, financed in the budget${tailEn}.`);
  },
};

export const r29: RuleDefinition = {
  id: 'R29',
  focusAreas: [3],
  title: { nb: 'Digitale verktøy skal vise økt læringsutbytte', en: 'Digital tools must show higher learning outcome' },
  schemeText:
    'Utprøving av digitale verktøy og ressurser i opplæringen skal vise hvordan bruk av teknologi kan øke læringsutbyttet for den enkelte i norskopplæringen.',
  severity: 'reject',
  kind: 'auto-override',
  check:
    'delivery.digitalToolsLearningOutcome: true → pass, false → fail, absent → review.',
  evaluate: (context) => {
    const missing = missingData(context, ['delivery']);
    if (missing) return missing;
    switch (context.application.delivery?.digitalToolsLearningOutcome) {
      case true:
        return pass('Prosjektet skal vise hvordan teknologi øker læringsutbyttet.', 'The project will show how technology raises the learning outcome.');
      case false:
        return fail(
          'Prosjektet skal ikke vise hvordan bruk av teknologi øker læringsutbyttet.',
          'The project will not show how the use of technology raises the learning outcome.',
        );
      case undefined:
        return review(
          'Søknaden sier ikke om utprøvingen av digitale verktøy skal vise økt læringsutbytte.',
          'The application does not say whether the trial of digital tools will show a higher learning outcome.',
        );
    }
  },
};

export const r30: RuleDefinition = {
  id: 'R30',
  focusAreas: [3],
  title: { nb: 'Resultater publiseres som veiledning for lærere', en: 'Results published as guidance for teachers' },
  schemeText:
    'Resultater publiseres i form av veiledningsressurser som har lærere som målgruppe og legges ut på egne nettsider lett tilgjengelig for andre voksenopplæringssentra.',
  severity: 'reject',
  severityNote: {
    nb: 'Setningen står under «Krav til kommunen» for satsingsområde 3; publisering for lærere er et krav der.',
    en: 'The sentence is listed under "Requirements for the municipality" in focus area 3; publishing for teachers is required there.',
  },
  kind: 'auto-override',
  check:
    'delivery.teacherGuidance true → pass; false, or no delivery section → fail.',
  evaluate: (context) => {
    const missing = missingData(context, ['delivery']);
    if (missing) return missing;
    const delivery = context.application.delivery;
    if (delivery === undefined) {
      return fail('Søknaden sier ikke hvordan resultatene publiseres.', 'The application does not say how results are published.');
    }
    if (delivery.teacherGuidance) {
      return pass(
        'Resultatene publiseres som veiledningsressurser for lærere.',
        'Results are published as guidance resources for teachers.',
      );
    }
    return fail(
      'Resultatene publiseres ikke som veiledningsressurser for lærere på egne nettsider.',
      'Results are not published as guidance resources for teachers on the municipality\'s own web pages.',
    );
  },
};

export const r31: RuleDefinition = {
  id: 'R31',
  focusAreas: [3],
  title: { nb: 'Prioriterte temaer i norskopplæringen', en: 'Priority themes in language training' },
  schemeText: 'Disse temaene prioriteres i 2021',
  severity: 'priority',
  kind: 'auto-override',
  check:
    'Word stems of the two priority themes (multilingualism, digital tools) in project.priorityThemes, summary or goals → pass naming them; none → fail (priority: informs scoring only).',
  evaluate: (context) =>
    priorityThemesOutcome(context, [
      {
        nb: 'flerspråklighet som ressurs',
        en: 'multilingualism as a resource',
        patterns: ['flerspråk', 'morsmål', 'språkstøtt', 'transspråk', 'multiling'].map((stem) => wordPattern(stem)),
      },
      { nb: 'digitale verktøy og ressurser', en: 'digital tools and resources', patterns: ['digital', 'teknologi'].map((stem) => wordPattern(stem)) },
    ]),
};
