// The labels of soknad.json's fields as a person reads them (issue 12.8): validation messages name the field's
// label ("Organisasjonsnummer"), never its path ("applicant.organisationNumber"). The path stays in the
// structured problem (PackageProblem.path) for tools and --json output.
import type { LocalizedText } from '../i18n/localized';

const LABELS: Readonly<Record<string, LocalizedText>> = {
  formatVersion: { nb: 'Formatversjon', en: 'Format version' },
  schemeId: { nb: 'Ordning', en: 'Scheme' },
  applicationId: { nb: 'Søknads-ID', en: 'Application ID' },
  submittedAt: { nb: 'Innsendt', en: 'Submitted' },
  applicant: { nb: 'Søker', en: 'Applicant' },
  'applicant.name': { nb: 'Søkerens navn', en: "Applicant's name" },
  'applicant.organisationNumber': { nb: 'Organisasjonsnummer', en: 'Organisation number' },
  'applicant.municipalityNumber': { nb: 'Kommunenummer', en: 'Municipality number' },
  'applicant.unitName': { nb: 'Enhet', en: 'Unit' },
  'applicant.contact': { nb: 'Kontaktperson', en: 'Contact person' },
  'applicant.contact.name': { nb: 'Kontaktpersonens navn', en: "Contact person's name" },
  'applicant.contact.email': { nb: 'Kontaktpersonens e-post', en: "Contact person's e-mail" },
  'applicant.contact.phone': { nb: 'Kontaktpersonens telefon', en: "Contact person's phone" },
  partnerMunicipalities: { nb: 'Samarbeidskommuner', en: 'Partner municipalities' },
  'partnerMunicipalities[].municipalityNumber': { nb: 'Samarbeidskommunens kommunenummer', en: "Partner municipality's number" },
  'partnerMunicipalities[].name': { nb: 'Samarbeidskommunens navn', en: "Partner municipality's name" },
  'partnerMunicipalities[].organisationNumber': { nb: 'Samarbeidskommunens organisasjonsnummer', en: "Partner municipality's organisation number" },
  focusArea: { nb: 'Satsingsområde', en: 'Focus area' },
  project: { nb: 'Prosjekt', en: 'Project' },
  'project.title': { nb: 'Prosjekttittel', en: 'Project title' },
  'project.summary': { nb: 'Sammendrag', en: 'Summary' },
  'project.goals': { nb: 'Mål', en: 'Goals' },
  'project.targetGroup': { nb: 'Målgruppe', en: 'Target group' },
  'project.priorityThemes': { nb: 'Prioriterte temaer', en: 'Priority themes' },
  'project.startDate': { nb: 'Startdato', en: 'Start date' },
  'project.endDate': { nb: 'Sluttdato', en: 'End date' },
  'project.outsideIntroductionAct': { nb: 'Utenfor introduksjonsloven', en: 'Outside the Introduction Act' },
  'project.exemptionRequested': { nb: 'Søkt om unntak', en: 'Exemption requested' },
  participants: { nb: 'Deltakere', en: 'Participants' },
  'participants.count': { nb: 'Antall deltakere', en: 'Number of participants' },
  'participants.list': { nb: 'Deltakerliste', en: 'Participant list' },
  'participants.list[].birthDate': { nb: 'Deltakerens fødselsdato', en: "Participant's birth date" },
  'participants.list[].stipendStart': { nb: 'Start for deltakerstønad', en: 'Stipend start' },
  'participants.list[].stipendEnd': { nb: 'Slutt for deltakerstønad', en: 'Stipend end' },
  budget: { nb: 'Budsjett', en: 'Budget' },
  'budget[].year': { nb: 'Budsjettår', en: 'Budget year' },
  'budget[].totalCost': { nb: 'Totalkostnad', en: 'Total cost' },
  'budget[].ownContribution': { nb: 'Egenandel', en: 'Own contribution' },
  'budget[].requestedGrant': { nb: 'Omsøkt tilskudd', en: 'Requested grant' },
  'budget[].otherFunding': { nb: 'Annen finansiering', en: 'Other funding' },
  'budget[].stipendRequested': { nb: 'Omsøkt deltakerstønad', en: 'Requested participant stipend' },
  previousProjects: { nb: 'Tidligere prosjekter', en: 'Previous projects' },
  partners: { nb: 'Samarbeidspartnere', en: 'Partners' },
  'partners[].organisationNumber': { nb: 'Samarbeidspartnerens organisasjonsnummer', en: "Partner's organisation number" },
  'partners[].name': { nb: 'Samarbeidspartnerens navn', en: "Partner's name" },
  'partners[].kind': { nb: 'Type samarbeidspartner', en: 'Kind of partner' },
  'partners[].orgForm': { nb: 'Organisasjonsform', en: 'Organisation form' },
  supervisor: { nb: 'Veileder', en: 'Supervisor' },
  delivery: { nb: 'Gjennomføring', en: 'Delivery' },
  health: { nb: 'Helsetiltak', en: 'Health measure' },
  evaluationPlan: { nb: 'Evalueringsplan', en: 'Evaluation plan' },
  attachments: { nb: 'Vedlegg', en: 'Attachments' },
  'attachments[].path': { nb: 'Vedleggets filnavn', en: "Attachment's file name" },
  'attachments[].title': { nb: 'Vedleggets tittel', en: "Attachment's title" },
  'attachments[].kind': { nb: 'Vedleggstype', en: 'Kind of attachment' },
};

const LIST_WORD: Readonly<Record<string, LocalizedText>> = {
  budget: { nb: 'budsjettår', en: 'budget year' },
  participants: { nb: 'deltaker', en: 'participant' },
  'participants.list': { nb: 'deltaker', en: 'participant' },
  partners: { nb: 'samarbeidspartner', en: 'partner' },
  partnerMunicipalities: { nb: 'samarbeidskommune', en: 'partner municipality' },
  previousProjects: { nb: 'tidligere prosjekt', en: 'previous project' },
  attachments: { nb: 'vedlegg', en: 'attachment' },
};

/**
 * The label of a field path such as "applicant.organisationNumber" or "budget[1].totalCost" ("Totalkostnad
 * (budsjettår 2)"). An unknown field (a typing error in the key) is named by its own key in quotes, since it
 * has no label; the root is "soknad.json".
 */
export function fieldLabel(path: string): LocalizedText {
  if (path === '') return { nb: 'soknad.json', en: 'soknad.json' };
  const positions: { list: string; index: number }[] = [];
  const key = path.replace(/\[(\d+)\]/g, (_match, index: string, offset: number) => {
    positions.push({ list: path.slice(0, offset).replace(/\[\d+\]/g, '[]'), index: Number(index) });
    return '[]';
  });
  let label = LABELS[key];
  // A deeper field without its own label is named after the nearest labelled parent.
  for (let parent = key; label === undefined && parent.includes('.'); ) {
    parent = parent.slice(0, parent.lastIndexOf('.'));
    label = LABELS[parent] ?? LABELS[parent.replace(/\[\]$/, '')];
  }
  if (label === undefined) {
    const last = key.split('.').pop()?.replace(/\[\]$/, '') ?? key;
    label = { nb: `Feltet «${last}»`, en: `The field "${last}"` };
  }
  const where = positions
    .map(({ list, index }) => {
      const word = LIST_WORD[list] ?? { nb: 'element', en: 'item' };
      return { nb: `${word.nb} ${index + 1}`, en: `${word.en} ${index + 1}` };
    });
  if (where.length === 0) return label;
  return {
    nb: `${label.nb} (${where.map((entry) => entry.nb).join(', ')})`,
    en: `${label.en} (${where.map((entry) => entry.en).join(', ')})`,
  };
}
