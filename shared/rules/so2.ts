// Focus area 2 (SO2), work-oriented qualification with social entrepreneurs: R23–R25.
import { findMunicipality, findMunicipalityByOrganisationNumber } from '../municipality/registry';
import type { ApplicationPackage, Partner } from '../package/schema';
import { fail, missingData, pass, review } from './outcome';
import { stipendOutcome } from './stipend-check';
import type { RuleDefinition, RuleOutcome } from './types';

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim().length > 0;
}

type Gap = { nb: string; en: string };

/**
 * Whether the partner is the municipality itself or its own enterprise: the scheme asks the municipality to
 * cooperate with a social entrepreneur, and a KF (kommunalt foretak) is the municipality in law; an IKS or an
 * AS carrying the municipality's name is owned by municipalities, which a person must check.
 */
function ownershipGaps(partner: Partner, application: ApplicationPackage): { failures: Gap[]; unknowns: Gap[] } {
  const failures: Gap[] = [];
  const unknowns: Gap[] = [];
  const ownNumber = partner.organisationNumber;
  const municipality = ownNumber === undefined ? undefined : findMunicipalityByOrganisationNumber(ownNumber);
  if (ownNumber !== undefined && (ownNumber === application.applicant.organisationNumber || municipality)) {
    failures.push({
      nb: `organisasjonsnummeret ${ownNumber} er ${municipality ? `${municipality.name} kommunes eget` : 'søkerens eget'}; kommunen kan ikke samarbeide med seg selv`,
      en: `organisation number ${ownNumber} is ${municipality ? `the municipality of ${municipality.name}'s own` : "the applicant's own"}; the municipality cannot partner with itself`,
    });
  } else if (partner.orgForm === 'kommunalt-foretak' || /(?<!\p{L})KF(?!\p{L})/u.test(partner.name)) {
    failures.push({
      nb: 'er et kommunalt foretak (KF), som rettslig er en del av kommunen, ikke en selvstendig sosial entreprenør',
      en: 'is a municipal enterprise (KF), legally part of the municipality, not an independent social entrepreneur',
    });
  } else if (/(?<!\p{L})IKS(?!\p{L})/u.test(partner.name)) {
    unknowns.push({
      nb: 'er et interkommunalt selskap (IKS) eid av kommuner; bekreft at det ikke er søkerkommunens eget selskap og at det er en sosial entreprenør',
      en: "is an inter-municipal company (IKS) owned by municipalities; confirm it is not the applicant municipality's own company and that it is a social entrepreneur",
    });
  } else {
    const home = findMunicipality(application.applicant.municipalityNumber);
    const name = partner.name.toLocaleLowerCase('nb-NO');
    if (home && name.includes(home.name.toLocaleLowerCase('nb-NO')) && /kommun/.test(name)) {
      unknowns.push({
        nb: `navnet tyder på at selskapet er eid av ${home.name} kommune; bekreft eierskapet (et kommunalt eid selskap er ikke en selvstendig sosial entreprenør)`,
        en: `the name suggests the company is owned by the municipality of ${home.name}; confirm the ownership (a municipally owned company is not an independent social entrepreneur)`,
      });
    }
  }
  return { failures, unknowns };
}

/** What is missing or wrong for one social-entrepreneur partner; empty when it meets R23. */
function entrepreneurGaps(partner: Partner, application: ApplicationPackage): { failures: Gap[]; unknowns: Gap[] } {
  const { failures, unknowns } = ownershipGaps(partner, application);
  if (partner.orgForm === 'ENK') {
    // A sole proprietorship has no statutes, so a dividend ban cannot be written into them.
    failures.push({
      nb: 'er et enkeltpersonforetak (ENK), som ikke har vedtekter og derfor ikke kan ha vedtektsfestet utbytteforbud',
      en: 'is a sole proprietorship (ENK), which has no statutes and so cannot have a dividend ban in them',
    });
  }
  else if (partner.noDividendInStatutes === false) failures.push({ nb: 'vedtektene forbyr ikke utbytte', en: 'the statutes do not forbid dividends' });
  else if (partner.noDividendInStatutes === undefined) unknowns.push({ nb: 'det er ikke oppgitt om vedtektene forbyr utbytte', en: 'the statutes are not said to forbid dividends' });
  if (!hasText(partner.businessModel)) failures.push({ nb: 'ingen forretningsmodell er beskrevet', en: 'no business model is described' });
  if (!hasText(partner.socialMission)) unknowns.push({ nb: 'det sosiale problemet og de sosiale resultatene er ikke beskrevet', en: 'the social problem and social results are not described' });
  return { failures, unknowns };
}

export const r23: RuleDefinition = {
  id: 'R23',
  focusAreas: [2],
  title: { nb: 'Samarbeid med sosial entreprenør uten utbytte', en: 'Partnership with a no-dividend social entrepreneur' },
  schemeText:
    'Kommunen må inngå et samarbeid med en sosial entreprenør. Med sosiale entreprenører mener vi virksomheter som bidrar med nyskapende løsninger på et sosialt problem og drives av de sosiale resultatene. Den sosiale entreprenøren må ha en levedyktig forretningsmodell og ha vedtektsfestet at det ikke skal tas ut utbytte. Organisasjonsformen kan for eksempel være AS, stiftelse eller frivillig organisasjon.',
  severity: 'reject',
  kind: 'auto-override',
  check:
    'A partner of kind social-entrepreneur with noDividendInStatutes true, a businessModel and a socialMission → pass; no such partner, dividends allowed, no business model, a sole proprietorship (ENK: no statutes), a KF or the municipality\'s own organisation number → fail; statutes or social mission not stated, an IKS, or a company named after the applicant municipality → review.',
  evaluate: (context): RuleOutcome => {
    const missing = missingData(context, ['partners']);
    if (missing) return missing;
    const entrepreneurs = context.application.partners.filter((partner) => partner.kind === 'social-entrepreneur');
    if (entrepreneurs.length === 0) {
      return fail('Søknaden har ingen sosial entreprenør som samarbeidspartner.', 'The application has no social entrepreneur as a partner.');
    }
    // One partner that meets every requirement is enough; otherwise report the closest one.
    const assessed = entrepreneurs.map((partner) => ({ partner, ...entrepreneurGaps(partner, context.application) }));
    const good = assessed.find((entry) => entry.failures.length === 0 && entry.unknowns.length === 0);
    if (good) {
      const form = good.partner.orgForm ?? 'ukjent';
      return pass(
        `${good.partner.name} (${form}) er sosial entreprenør med vedtektsfestet utbytteforbud og beskrevet forretningsmodell; saksbehandler kan overstyre hvis modellen ikke er levedyktig.`,
        `${good.partner.name} (${good.partner.orgForm ?? 'unknown'}) is a social entrepreneur with statutes forbidding dividends and a described business model; the assessor may override if the model is not viable.`,
      );
    }
    const undecided = assessed.find((entry) => entry.failures.length === 0);
    if (undecided) {
      return review(
        `${undecided.partner.name}: ${undecided.unknowns.map((gap) => gap.nb).join('; ')}.`,
        `${undecided.partner.name}: ${undecided.unknowns.map((gap) => gap.en).join('; ')}.`,
      );
    }
    const nb = assessed.map((entry) => `${entry.partner.name}: ${entry.failures.map((gap) => gap.nb).join('; ')}`);
    const en = assessed.map((entry) => `${entry.partner.name}: ${entry.failures.map((gap) => gap.en).join('; ')}`);
    return fail(`${nb.join('. ')}.`, `${en.join('. ')}.`);
  },
};

export const r24: RuleDefinition = {
  id: 'R24',
  focusAreas: [2],
  title: { nb: 'Stønad inntil 1G, bare uten annen stønad', en: 'Stipend at most 1G, only without other stipend' },
  schemeText:
    'Deltakere kan motta deltakerstønad, så lenge de ikke er omfattet av noen andre ordninger hvor de mottar stønad. Kommunen kan søke om deltakerstønad på opptil 1G per deltaker per år uansett alder.',
  severity: 'reject',
  severityNote: {
    nb: '«Opptil 1G» og «så lenge de ikke … mottar stønad» er grenser for hva kommunen kan søke om.',
    en: '"Up to 1G" and "as long as they … receive no stipend" limit what the municipality may apply for.',
  },
  kind: 'auto',
  check:
    'As R20 with the SO2 cap: 1G per participant-year whatever the age, nothing for participants with otherStipend; no check of the municipality\'s share; participants.count ≠ the list\'s length → review.',
  evaluate: (context) =>
    stipendOutcome(context, {
      capNb: 'beregnet stønad (inntil 1G per deltaker og år, ingen for deltakere med annen stønad)',
      capEn: 'the computed stipend (at most 1G per participant-year, none for participants with another stipend)',
      municipalityPaysRest: false,
    }),
};

export const r25: RuleDefinition = {
  id: 'R25',
  focusAreas: [2],
  title: { nb: 'Innvandrerkvinner prioriteres', en: 'Immigrant women prioritised' },
  schemeText: 'Innvandrerkvinner er en prioritert målgruppe.',
  severity: 'priority',
  kind: 'auto',
  check:
    'Share of women in participants.list: at least half → pass, otherwise fail (priority: informs scoring only); no list → review.',
  evaluate: (context) => {
    const missing = missingData(context, ['participants.list']);
    if (missing) return missing;
    const list = context.application.participants.list;
    if (list === undefined || list.length === 0) {
      return review('Ingen deltakerliste; andelen kvinner er ukjent.', 'No participant list; the share of women is unknown.');
    }
    const women = list.filter((participant) => participant.gender === 'female').length;
    const percent = Math.round((women / list.length) * 100);
    const counted = `${women} av ${list.length} deltakere er kvinner (${percent} %)`;
    const countedEn = `${women} of ${list.length} participants are women (${percent} %)`;
    // Prioritised, not required: at least half women counts as meeting the priority.
    if (women * 2 >= list.length) return pass(`${counted}.`, `${countedEn}.`);
    return fail(`${counted}; innvandrerkvinner er prioritert målgruppe.`, `${countedEn}; immigrant women are a priority target group.`);
  },
};
