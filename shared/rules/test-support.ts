// Builders for rule tests: one small, valid application per focus area that passes every automatic rule.
// Tests copy one and change the field under test, so each test shows exactly what makes a rule fail.
import type { ApplicationPackage, FocusAreaNumber, Participant } from '../package/schema';
import { getBuiltInScheme } from '../scheme/load';
import type { SchemeDefinition } from '../scheme/schema';
import type { PackageFieldPath, RuleContext, RuleDefinition, RuleOutcome } from './types';

export const SCHEME_ID = 'imdi-kommunale-integreringstiltak-2021';

export function scheme2021(): SchemeDefinition {
  const scheme = getBuiltInScheme(SCHEME_ID);
  if (!scheme) throw new Error(`built-in scheme ${SCHEME_ID} is missing`);
  return scheme;
}

/** Stavanger kommune's own organisation number; Sandnes kommune as partner. */
export const STAVANGER = { number: '1103', name: 'Stavanger', organisationNumber: '964965226' } as const;
export const SANDNES = { number: '1108', name: 'Sandnes', organisationNumber: '964965137' } as const;

function participant(index: number, gender: Participant['gender']): Participant {
  return {
    id: `P${String(index).padStart(2, '0')}`,
    birthDate: '1985-03-15',
    completedIntroYear3: true,
    introYear3CompletedOn: '2021-07-31',
    otherStipend: false,
    gender,
    anchoredInIndividualPlan: true,
    stipendStart: '2021-08-01',
    stipendEnd: '2022-07-31',
  };
}

/** Four participants, three of them women, each on a one-year offer from 1 August 2021. */
export function participantList(): Participant[] {
  return [participant(1, 'female'), participant(2, 'female'), participant(3, 'female'), participant(4, 'male')];
}

function common(focusArea: FocusAreaNumber): ApplicationPackage {
  return {
    formatVersion: 1,
    schemeId: SCHEME_ID,
    applicationId: `TEST-SO${focusArea}`,
    submittedAt: '2021-02-08T14:30:00+01:00',
    applicant: {
      name: 'Stavanger kommune',
      organisationNumber: STAVANGER.organisationNumber,
      municipalityNumber: STAVANGER.number,
      contact: { name: 'Kari Nordmann', email: 'kari.nordmann@stavanger.kommune.no' },
    },
    partnerMunicipalities: [{ municipalityNumber: SANDNES.number, name: SANDNES.name, organisationNumber: SANDNES.organisationNumber }],
    focusArea,
    project: {
      title: `Testprosjekt SO${focusArea}`,
      summary: 'Et prosjekt som prøver ut nye arbeidsmåter for nyankomne innvandrere.',
      goals: ['Flere i arbeid eller utdanning'],
      targetGroup: 'Nyankomne innvandrere omfattet av introduksjonsloven',
      priorityThemes: [],
      startDate: '2021-08-01',
      endDate: '2022-07-31',
      outsideIntroductionAct: false,
      exemptionRequested: false,
      volunteerCooperation: true,
    },
    participants: { count: 12 },
    budget: [
      { year: 2021, totalCost: 1_000_000, ownContribution: 400_000, requestedGrant: 600_000, otherFunding: 0, stipendRequested: 0 },
      { year: 2022, totalCost: 1_200_000, ownContribution: 400_000, requestedGrant: 700_000, otherFunding: 100_000, stipendRequested: 0 },
    ],
    previousProjects: [{ title: 'Jobbsjansen', year: 2019, description: 'Kvalifisering av hjemmeværende kvinner.' }],
    partners: [{ kind: 'voluntary-organisation', name: 'Røde Kors Stavanger' }],
    evaluationPlan: 'Følgeevaluering med halvårlige rapporter.',
    attachments: [],
  };
}

/** A valid application in the focus area that passes every automatic rule of that area. */
export function baseApplication(focusArea: FocusAreaNumber): ApplicationPackage {
  const application = common(focusArea);
  switch (focusArea) {
    case 1:
      application.project.educationOriented = true;
      application.project.participantsInformedOfResearch = true;
      application.participants = { count: 4, list: participantList() };
      // 1G per participant-year: Aug–Dec 2021 ≈ 4 × 44 333, Jan–Jul 2022 ≈ 4 × 63 335; requests stay below.
      setStipend(application, { 2021: 150_000, 2022: 200_000 });
      return application;
    case 2:
      application.participants = { count: 4, list: participantList() };
      application.partners.push({
        kind: 'social-entrepreneur',
        name: 'Grønn Mat AS',
        organisationNumber: '991825827',
        orgForm: 'AS',
        noDividendInStatutes: true,
        businessModel: 'Kantinedrift og catering med faste avtaler med kommunen.',
        socialMission: 'Arbeidstrening for innvandrerkvinner uten arbeidserfaring.',
      });
      setStipend(application, { 2021: 150_000, 2022: 200_000 });
      return application;
    case 3:
      application.project.priorityThemes = ['Flerspråklighet som ressurs i opplæringen'];
      application.supervisor = {
        name: 'Ola Forsker',
        institution: 'Universitetet i Stavanger',
        institutionKind: 'university',
        financedInBudget: true,
        involvedInApplication: true,
      };
      application.delivery = { classroom: true, online: true, teacherGuidance: true, digitalToolsLearningOutcome: true };
      return application;
    case 4:
      application.project.priorityThemes = ['Livsmestring i et nytt land'];
      application.participants = { count: 15 };
      return application;
    case 5:
      application.health = {
        interdisciplinary: true,
        referralBased: false,
        usesHelsedirektoratetGuide: true,
        workOrientedModel: 'Fontenehus',
      };
      return application;
    case 6:
      application.participants = { count: 10 };
      return application;
  }
}

/** Sets the stipend part of the requested grant per year, raising requestedGrant and totalCost to match. */
export function setStipend(application: ApplicationPackage, byYear: Record<number, number>): void {
  for (const year of application.budget) {
    const stipend = byYear[year.year] ?? 0;
    const extra = stipend - year.stipendRequested;
    year.stipendRequested = stipend;
    year.requestedGrant += extra;
    year.totalCost += extra;
  }
}

export function contextFor(application: ApplicationPackage, providedFields?: readonly PackageFieldPath[]): RuleContext {
  const context: RuleContext = { application, scheme: scheme2021() };
  if (providedFields !== undefined) context.providedFields = new Set(providedFields);
  return context;
}

/** Runs one rule's evaluator directly (no applicability filter). */
export function run(rule: RuleDefinition, application: ApplicationPackage, providedFields?: readonly PackageFieldPath[]): RuleOutcome {
  return rule.evaluate(contextFor(application, providedFields));
}
