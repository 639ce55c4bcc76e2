// Builds the soknad.json of one demo package from one award: deterministic, seeded by the application id.
import type { ApplicationPackage, BudgetYear, FocusAreaNumber, Participant, Partner } from '../../../shared/package/schema';
import type { DemoAward } from './awards';
import { FIRST_NAMES, FOCUS_AREA_CONTENT, LAST_NAMES, PREVIOUS_PROJECTS, SOCIAL_ENTREPRENEURS, SUPERVISOR_INSTITUTIONS } from './content';
import { applyDeliberateFailure } from './apply-failure';
import { calendarDate, monthsInYear, organisationNumber, roundUpTo, roundTo, asciiSlug } from './values';
import type { Random } from './random';
import { createRandom } from './random';

export const DEMO_SCHEME_ID = 'imdi-kommunale-integreringstiltak-2021';
export const APPLICATION_PDF_PATH = 'vedlegg/soknad.pdf';

/** G in force from 1 May 2020; using it for all of 2021 keeps every stipend below the 1G-per-year cap (R20, R24). */
const G_2020 = 101_351;

export function buildDemoApplication(award: DemoAward): ApplicationPackage {
  const random = createRandom(award.id);
  const focusArea = award.focusArea as FocusAreaNumber;
  const content = FOCUS_AREA_CONTENT[focusArea];
  const place = award.municipality.name;
  const fill = (text: string): string => text.replaceAll('{place}', place).replaceAll('{title}', award.projectTitle);

  // A few days to two weeks before the deadline (2021-02-09, Europe/Oslo = +01:00 in winter).
  const dayOfYear = random.int(25, 40);
  const submittedAt = `2021-${dayOfYear > 31 ? `02-${String(dayOfYear - 31).padStart(2, '0')}` : `01-${dayOfYear}`}T${String(random.int(8, 15)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00+01:00`;

  const startMonth = random.int(3, focusArea === 1 ? 8 : 9);
  const startDate = calendarDate(2021, startMonth, 1);
  // SO1 offers each participant at most one year (R17): those projects stay within 2021.
  const endDate = focusArea === 1 || random.chance(0.6) ? '2021-12-31' : random.chance(0.7) ? '2022-12-31' : '2023-06-30';
  const years = Array.from({ length: Number(endDate.slice(0, 4)) - 2020 }, (_, i) => 2021 + i);

  const participants = buildParticipants(random, focusArea, startDate, award.amount);
  const budget = buildBudget(random, award, years, startDate, endDate, participants.list);
  const institution = pickInstitution(random, award.projectTitle);
  const partners = buildPartners(random, award, focusArea, institution);
  const contactName = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const outsideIntroductionAct = (focusArea === 4 || focusArea === 6) && (award.projectTitle.includes('alternativ') || random.chance(0.15));

  const application: ApplicationPackage = {
    formatVersion: 1,
    schemeId: DEMO_SCHEME_ID,
    applicationId: award.id,
    submittedAt,
    applicant: {
      name: award.applicantName,
      organisationNumber: award.unit?.organisationNumber ?? award.municipality.organisationNumber,
      municipalityNumber: award.municipality.number,
      ...(award.unit ? { unitName: award.unit.name } : {}),
      contact: {
        name: contactName,
        email: `${asciiSlug(contactName).replace('-', '.')}@${asciiSlug(place)}.kommune.no`,
        phone: `+47 9${random.int(1_000_000, 9_999_999)}`,
      },
    },
    partnerMunicipalities: award.partnerMunicipalities.map((m) => ({ municipalityNumber: m.number, name: m.name, organisationNumber: m.organisationNumber })),
    focusArea,
    project: {
      title: award.projectTitle,
      summary: fill(random.pick(content.summaries)),
      goals: random.sample(content.goals, 3),
      targetGroup: fill(random.pick(content.targetGroups)),
      priorityThemes: focusArea === 4 ? random.sample(content.priorityThemes, 2) : [...content.priorityThemes],
      startDate,
      endDate,
      outsideIntroductionAct,
      exemptionRequested: outsideIntroductionAct,
      ...(focusArea === 1 ? { educationOriented: true, participantsInformedOfResearch: true } : {}),
      volunteerCooperation: partners.some((p) => p.kind === 'voluntary-organisation'),
    },
    participants,
    budget,
    previousProjects: random.sample(PREVIOUS_PROJECTS, random.int(1, 3)).map((p) => ({ ...p, year: random.int(2016, 2020) })),
    partners,
    ...(focusArea === 3
      ? {
          supervisor: {
            name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
            institution: institution.name,
            institutionKind: institution.kind,
            financedInBudget: true,
            involvedInApplication: random.chance(0.8),
          },
          delivery: { classroom: true, online: true, teacherGuidance: true, digitalToolsLearningOutcome: true },
        }
      : {}),
    ...(focusArea === 5 ? { health: buildHealth(random, award.projectTitle) } : {}),
    evaluationPlan: random.pick(content.evaluationPlans),
    attachments: [{ path: APPLICATION_PDF_PATH, kind: 'application', title: `Søknad – ${award.projectTitle}` }],
  };
  return applyDeliberateFailure(application);
}

function buildParticipants(random: Random, focusArea: FocusAreaNumber, startDate: string, amount: number): ApplicationPackage['participants'] {
  if (focusArea !== 1 && focusArea !== 2) {
    const count = focusArea === 5 ? random.int(8, 20) : random.int(10, 40);
    return { count };
  }
  const months = monthsInYear(startDate, '2021-12-31', 2021);
  // SO1: as many participants as a 1G stipend for ~60 % of the grant allows; SO2: a group of 6–14.
  const count = focusArea === 1 ? Math.max(3, Math.min(14, Math.floor((amount * 0.6) / ((G_2020 * months) / 12)) - random.int(0, 2))) : random.int(6, 14);
  const list: Participant[] = Array.from({ length: count }, (_, i) => {
    const female = random.chance(focusArea === 2 ? 0.8 : 0.5);
    const participant: Participant = {
      id: `P${String(i + 1).padStart(2, '0')}`,
      birthDate: calendarDate(random.int(1970, 2000), random.int(1, 12), random.int(1, 28)),
      otherStipend: focusArea === 2 && random.chance(0.25),
      gender: female ? 'female' : 'male',
    };
    if (focusArea === 1) {
      // Year 3 ends the day before year 4 starts: no gap (R17). Now and then a participant waited a week or
      // two, so the demo also shows R17 asking the assessor about a gap. The year is anchored in the plan (R19).
      const completed = new Date(`${startDate}T00:00:00Z`);
      completed.setUTCDate(completed.getUTCDate() - (random.chance(0.05) ? random.int(8, 15) : 1));
      participant.completedIntroYear3 = true;
      participant.introYear3CompletedOn = completed.toISOString().slice(0, 10);
      participant.anchoredInIndividualPlan = true;
    }
    return participant;
  });
  return { count, list };
}

function buildBudget(
  random: Random,
  award: DemoAward,
  years: readonly number[],
  startDate: string,
  endDate: string,
  list: readonly Participant[] | undefined,
): BudgetYear[] {
  const step = award.amount >= 100_000 ? 10_000 : 1_000;
  // The request is the awarded amount plus 2–15 % (IMDi rarely grants all that is asked for), spread over the
  // budget years by how many project months fall in each; the last year takes the rounding remainder.
  const totalRequest = roundUpTo(award.amount * (1 + random.int(2, 15) / 100), step);
  const weights = years.map((year) => monthsInYear(startDate, endDate, year) * random.int(90, 110));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const requests = weights.map((weight) => roundTo((totalRequest * weight) / weightSum, step));
  requests[requests.length - 1] = totalRequest - requests.slice(0, -1).reduce((a, b) => a + b, 0);
  return years.map((year, index) => {
    const requestedGrant = requests[index] ?? 0;
    const months = monthsInYear(startDate, endDate, year);
    const perParticipant = Math.floor((G_2020 * months) / 12);
    const withStipend = (list ?? []).filter((p) => !p.otherStipend).length;
    const stipendRequested =
      award.focusArea === 1
        ? withStipend * perParticipant
        : award.focusArea === 2 && requestedGrant >= 200_000
          ? Math.min(withStipend * perParticipant, Math.floor(requestedGrant / 2 / 100) * 100)
          : 0;
    // SO1: the municipality pays the stipend above 1G itself, so its own contribution covers at least that.
    const ownBase = award.focusArea === 1 ? stipendRequested : 0;
    const ownContribution = Math.max(1_000, ownBase + roundTo((requestedGrant * random.int(15, 45)) / 100, 1_000));
    const otherFunding = random.chance(0.3) ? roundTo((requestedGrant * random.int(5, 20)) / 100, 1_000) : 0;
    return { year, totalCost: ownContribution + requestedGrant + otherFunding, ownContribution, requestedGrant, otherFunding, stipendRequested };
  });
}

type Institution = (typeof SUPERVISOR_INSTITUTIONS)[number];

function buildPartners(random: Random, award: DemoAward, focusArea: FocusAreaNumber, institution: Institution): Partner[] {
  const place = award.municipality.name;
  const partners: Partner[] = [];
  switch (focusArea) {
    case 2: {
      const title = award.projectTitle.toLowerCase();
      const entrepreneur = title.includes('vikar')
        ? SOCIAL_ENTREPRENEURS[3]
        : title.includes('ombruk')
          ? SOCIAL_ENTREPRENEURS[1]
          : title.includes('catering') || title.includes('lage')
            ? SOCIAL_ENTREPRENEURS[0]
            : random.pick(SOCIAL_ENTREPRENEURS);
      const orgForm = random.pick(['AS', 'stiftelse', 'frivillig-organisasjon'] as const);
      const base = entrepreneur ?? random.pick(SOCIAL_ENTREPRENEURS);
      partners.push({
        kind: 'social-entrepreneur',
        name: orgForm === 'AS' ? `${base.name} ${place} AS` : `${base.name} ${place}`,
        organisationNumber: organisationNumber(random),
        orgForm,
        noDividendInStatutes: true,
        businessModel: base.businessModel,
        socialMission: base.socialMission,
      });
      break;
    }
    case 3:
      partners.push({ kind: institution.kind, name: institution.name });
      break;
    case 4:
      partners.push({ kind: 'nav', name: `NAV ${place}` });
      if (random.chance(0.5)) partners.push({ kind: 'employer', name: `Næringsforeningen i ${place}`, organisationNumber: organisationNumber(random) });
      break;
    case 5:
      partners.push({ kind: 'health-service', name: `Psykisk helse og rus, ${place} kommune` });
      break;
    case 1:
    case 6:
      partners.push({ kind: 'nav', name: `NAV ${place}` });
      break;
  }
  // R15: cooperation with voluntary organisations is encouraged, so about half the demo projects have one.
  if (random.chance(0.5)) {
    const name = random.pick(['Røde Kors', 'Frivilligsentral', 'Norsk Folkehjelp', 'Sanitetsforening']);
    partners.push({ kind: 'voluntary-organisation', name: `${place} ${name}`, orgForm: 'frivillig-organisasjon', organisationNumber: organisationNumber(random) });
  }
  return partners;
}

function pickInstitution(random: Random, title: string): Institution {
  const named = SUPERVISOR_INSTITUTIONS.find((i) => (title.includes('OsloMet') && i.name.startsWith('OsloMet')) || (title.includes('HVL') && i.name.startsWith('Høgskulen')));
  // Draw anyway so the random stream does not depend on the title.
  const drawn = random.pick(SUPERVISOR_INSTITUTIONS);
  return named ?? drawn;
}

function buildHealth(random: Random, title: string): NonNullable<ApplicationPackage['health']> {
  const workOrientedModel = title.includes('Fontenehus')
    ? 'Fontenehus (Clubhouse-modellen)'
    : title.includes('Jobbspesialist')
      ? 'Individuell jobbstøtte (IPS)'
      : random.chance(0.5)
        ? 'Gradvis arbeidstrening med individuell progresjonsplan'
        : undefined;
  return {
    interdisciplinary: true,
    referralBased: false,
    usesHelsedirektoratetGuide: random.chance(0.7),
    ...(workOrientedModel ? { workOrientedModel } : {}),
  };
}
