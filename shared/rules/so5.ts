// Focus area 5 (SO5), measures that give mental-health support: R35–R39.
import { fail, missingData, pass, review } from './outcome';
import type { RuleContext, RuleDefinition, RuleOutcome } from './types';

type Health = NonNullable<RuleContext['application']['health']>;

/** The health section, or the outcome to return when it is absent. */
function healthOf(context: RuleContext): Health | RuleOutcome {
  const missing = missingData(context, ['health']);
  if (missing) return missing;
  const health = context.application.health;
  if (health === undefined) {
    return fail('Søknaden mangler beskrivelse av helsetiltaket (helse-delen).', 'The application lacks the description of the health measure (the health section).');
  }
  return health;
}

function isOutcome(value: Health | RuleOutcome): value is RuleOutcome {
  return 'status' in value;
}

export const r35: RuleDefinition = {
  id: 'R35',
  focusAreas: [5],
  title: { nb: 'Målgruppe: nyankomne med psykiske helseutfordringer', en: 'Target group: newly arrived with mental-health challenges' },
  schemeText:
    'For prosjekter som skal utvikle tiltak for psykisk støtte er målgruppen nyankomne innvandrere som har hatt eller har psykiske helseutfordringer.',
  severity: 'priority',
  severityNote: {
    nb: 'Leses som R09: setningen beskriver målgruppen («er målgruppen»); «skal» gjelder prosjektene («prosjekter som skal utvikle tiltak»), ikke et vilkår. Hvor godt målgruppen treffes, teller i vurderingen, men avslår ikke alene.',
    en: 'Read as R09: the sentence describes the target group ("er målgruppen"); "skal" belongs to the projects ("projects that shall develop measures"), not to a condition. How well the target group is met counts in the scoring but does not reject on its own.',
  },
  kind: 'manual',
  check:
    'The assessor confirms project.targetGroup, quoted in the reason (priority, as R09).',
  evaluate: (context) => {
    const missing = missingData(context, ['project.targetGroup']);
    if (missing) return missing;
    const target = context.application.project.targetGroup.trim().replace(/[.\s]+$/, '');
    return review(
      `Oppgitt målgruppe: «${target}». Saksbehandler bekrefter at den er nyankomne innvandrere som har hatt eller har psykiske helseutfordringer.`,
      `Stated target group: "${target}". The assessor confirms it is newly arrived immigrants who have or have had mental-health challenges.`,
    );
  },
};

export const r36: RuleDefinition = {
  id: 'R36',
  focusAreas: [5],
  title: { nb: 'Støttende/forebyggende, ikke etter henvisning fra lege', en: 'Supportive/preventive, not on referral from a doctor' },
  schemeText: 'Tiltakene skal ha støttende/forebyggende karakter og er ikke et tilbud som skal gis etter henvisning fra lege.',
  severity: 'reject',
  kind: 'auto',
  check:
    'health.referralBased true → fail; false → pass; no health section → fail.',
  evaluate: (context) => {
    const health = healthOf(context);
    if (isOutcome(health)) return health;
    if (health.referralBased) {
      return fail(
        'Tilbudet gis etter henvisning fra lege; tiltakene skal være støttende/forebyggende.',
        'The offer is given on referral from a doctor; the measures must be supportive/preventive.',
      );
    }
    return pass('Tilbudet gis uten henvisning fra lege.', 'The offer is given without referral from a doctor.');
  },
};

export const r37: RuleDefinition = {
  id: 'R37',
  focusAreas: [5],
  title: { nb: 'Tverrfaglig samarbeid helse–kvalifisering', en: 'Interdisciplinary cooperation health–qualification' },
  schemeText:
    'Det er en forutsetning at kommunen i tiltaket legger til rette for tverrfaglig samarbeid mellom helse- og kvalifiseringsaktører.',
  severity: 'reject',
  kind: 'auto',
  check:
    'health.interdisciplinary true → pass; false, or no health section → fail.',
  evaluate: (context) => {
    const health = healthOf(context);
    if (isOutcome(health)) return health;
    if (!health.interdisciplinary) {
      return fail(
        'Tiltaket legger ikke til rette for tverrfaglig samarbeid mellom helse- og kvalifiseringsaktører.',
        'The measure does not provide for interdisciplinary cooperation between health and qualification actors.',
      );
    }
    return pass(
      'Tiltaket legger til rette for tverrfaglig samarbeid mellom helse- og kvalifiseringsaktører.',
      'The measure provides for interdisciplinary cooperation between health and qualification actors.',
    );
  },
};

export const r38: RuleDefinition = {
  id: 'R38',
  focusAreas: [5],
  title: { nb: 'Bruker Helsedirektoratets veileder', en: "Uses the Directorate of Health's guide" },
  schemeText:
    'Det er en fordel at kommunen benytter seg av Helsedirektoratets nasjonale veileder Helseundersøkelse i kartlegging av nyankomne flyktninger, innvandrere og familiegjenforente sin psykiske helse.',
  severity: 'priority',
  kind: 'auto',
  check:
    'health.usesHelsedirektoratetGuide true → pass; false → fail (priority: informs scoring only).',
  evaluate: (context) => {
    const health = healthOf(context);
    if (isOutcome(health)) return health;
    if (health.usesHelsedirektoratetGuide) {
      return pass('Kommunen bruker Helsedirektoratets veileder Helseundersøkelse.', "The municipality uses the Directorate of Health's guide Helseundersøkelse.");
    }
    return fail(
      'Kommunen bruker ikke Helsedirektoratets veileder (en fordel, ikke krav).',
      "The municipality does not use the Directorate of Health's guide (an advantage, not a requirement).",
    );
  },
};

export const r39: RuleDefinition = {
  id: 'R39',
  focusAreas: [5],
  title: { nb: 'Arbeidsrettede modeller eller metoder for progresjon', en: 'Work-oriented models or methods for progression' },
  schemeText: 'Arbeidsrettede modeller som gir psykisk støtte, for eksempel etter modell fra Fontenehus e.l.',
  severity: 'info',
  kind: 'auto-override',
  check:
    'health.workOrientedModel named → pass; otherwise review (info).',
  evaluate: (context) => {
    const health = healthOf(context);
    if (isOutcome(health)) return health;
    const model = health.workOrientedModel?.trim();
    if (model) return pass(`Modell/metode: «${model}».`, `Model/method: "${model}".`);
    return review(
      'Søknaden navngir ingen arbeidsrettet modell (f.eks. Fontenehus) eller metode for progresjon; saksbehandler vurderer.',
      'The application names no work-oriented model (e.g. Fontenehus) or method for progression; the assessor judges.',
    );
  },
};
