// One row of a case-system list → an application package v1 plus the list of fields that carry real data
// (providedFields). Fields the list does not have get neutral placeholders and are left out of
// providedFields, so the rules that need them come back as manual checks (shared/rules RuleContext).
import type { ApplicationPackage } from '../../../shared/package/schema';
import type { PackageField } from '../../../shared/rules/types';
import { applicationPackageSchema } from '../../../shared/package/schema';
import { formatIssuePath } from '../../../shared/errors/zod-issues';
import { osloOffsetMinutes, toOsloIso } from '../../../shared/time/oslo';
import type { CaseRow } from './case-table';

/** Column headers (case-insensitive). Required ones must exist as columns; the rest are optional. */
export const CASE_COLUMNS = {
  applicationId: 'søknadsnummer',
  submittedAt: 'innsendt',
  applicantName: 'søker',
  organisationNumber: 'organisasjonsnummer',
  municipalityNumber: 'kommunenummer',
  focusArea: 'satsingsområde',
  title: 'prosjekttittel',
  attachments: 'vedlegg',
  contactName: 'kontaktperson',
  contactEmail: 'e-post',
  summary: 'sammendrag',
  startDate: 'startdato',
  endDate: 'sluttdato',
  participants: 'antall deltakere',
  year: 'år',
  totalCost: 'totalkostnad',
  ownContribution: 'egenandel',
  requestedGrant: 'søkt beløp',
  otherFunding: 'annen finansiering',
} as const;

export const REQUIRED_COLUMNS = ['applicationId', 'submittedAt', 'applicantName', 'organisationNumber', 'municipalityNumber', 'focusArea', 'title', 'attachments'] as const;

export interface CaseRowPackage {
  application: ApplicationPackage;
  providedFields: PackageField[];
  /** Attachment names as written in the list (relative to the list's folder), in order. */
  attachmentNames: string[];
}

const PLACEHOLDER = '(ikke oppgitt i sakslisten)';

function cell(row: CaseRow, key: keyof typeof CASE_COLUMNS): string {
  return row.get(CASE_COLUMNS[key]) ?? '';
}

/** "dd.mm.yyyy" or "yyyy-mm-dd" → "yyyy-mm-dd"; anything else unchanged (the schema then names it). */
export function parseDate(value: string): string {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}` : value;
}

/** ISO 8601 with offset as is; "dd.mm.yyyy hh:mm[:ss]" as Oslo wall-clock time. */
export function parseInstant(value: string): string {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [d, m, y, hh, mm, ss] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d, hh, mm, ss);
  if (Number.isNaN(wall)) return value;
  // The offset at the wall time itself: try the offset an hour earlier, then correct once (DST changes).
  let instant = wall - osloOffsetMinutes(new Date(wall - 3_600_000)) * 60_000;
  instant = wall - osloOffsetMinutes(new Date(instant)) * 60_000;
  // Case lists carry whole minutes or seconds; no milliseconds in what the assessor sees.
  return toOsloIso(new Date(instant)).replace(/\.000(?=[+-]|Z)/, '');
}

/** Whole kroner as Norwegian Excel writes them: "1 234 567", "1234567,00", "kr 50 000". */
export function parseKroner(value: string): number | undefined {
  const compact = value.replace(/kr\.?/gi, '').replace(/[\s\u00a0\u202f.]/g, '');
  const match = /^(\d+)(?:,0+)?$/.exec(compact);
  return match ? Number(match[1]) : undefined;
}

export function rowToPackage(row: CaseRow, schemeId: string): { ok: true; value: CaseRowPackage } | { ok: false; detail: string } {
  const provided: PackageField[] = ['formatVersion', 'schemeId', 'applicationId', 'submittedAt', 'applicant', 'focusArea', 'attachments'];
  const attachmentNames = cell(row, 'attachments').split('|').map((name) => name.trim()).filter((name) => name !== '');
  if (attachmentNames.length === 0) return { ok: false, detail: 'vedlegg: no PDF named' };
  const submittedAt = parseInstant(cell(row, 'submittedAt'));
  const startDate = parseDate(cell(row, 'startDate'));
  const endDate = parseDate(cell(row, 'endDate'));
  const summary = cell(row, 'summary');
  if (summary !== '' && startDate !== '' && endDate !== '') provided.push('project');

  const money = (['totalCost', 'ownContribution', 'requestedGrant'] as const).map((key) => cell(row, key));
  const amounts = [...money, cell(row, 'otherFunding') || '0'].map(parseKroner);
  const badMoney = [...money, cell(row, 'otherFunding')].findIndex((text, index) => text !== '' && amounts[index] === undefined);
  if (badMoney >= 0) return { ok: false, detail: `${['totalkostnad', 'egenandel', 'søkt beløp', 'annen finansiering'][badMoney]}: not whole kroner` };
  const hasBudget = money.every((text) => text !== '');
  if (hasBudget) provided.push('budget');
  const participantText = cell(row, 'participants');
  if (participantText !== '') provided.push('participants');
  const year = Number(cell(row, 'year') || (startDate || submittedAt).slice(0, 4));
  const focusText = cell(row, 'focusArea').replace(/^SO/i, '');

  const candidate = {
    formatVersion: 1,
    schemeId,
    applicationId: cell(row, 'applicationId'),
    submittedAt,
    applicant: {
      name: cell(row, 'applicantName'),
      organisationNumber: cell(row, 'organisationNumber').replace(/\s/g, ''),
      municipalityNumber: cell(row, 'municipalityNumber').padStart(4, '0'),
      contact: { name: cell(row, 'contactName') || PLACEHOLDER, email: cell(row, 'contactEmail') || 'ikke-oppgitt@example.invalid' },
    },
    partnerMunicipalities: [],
    focusArea: /^\d+$/.test(focusText) ? Number(focusText) : focusText,
    project: {
      title: cell(row, 'title'),
      summary: summary || PLACEHOLDER,
      goals: [],
      targetGroup: PLACEHOLDER,
      priorityThemes: [],
      startDate: startDate || submittedAt.slice(0, 10),
      endDate: endDate || startDate || submittedAt.slice(0, 10),
      outsideIntroductionAct: false,
      exemptionRequested: false,
    },
    participants: { count: participantText === '' ? 0 : Number(participantText) },
    budget: [
      {
        year,
        totalCost: hasBudget ? amounts[0] : 0,
        ownContribution: hasBudget ? amounts[1] : 0,
        requestedGrant: hasBudget ? amounts[2] : 0,
        otherFunding: hasBudget ? amounts[3] : 0,
        stipendRequested: 0,
      },
    ],
    previousProjects: [],
    partners: [],
    evaluationPlan: '',
    attachments: attachmentNames.map((name, index) => ({
      path: `vedlegg/${name.split('/').at(-1) ?? name}`,
      kind: index === 0 ? 'application' : 'other',
      title: name.split('/').at(-1) ?? name,
    })),
  };
  const parsed = applicationPackageSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, detail: issue ? `${formatIssuePath(issue.path)}: ${issue.message}` : 'invalid' };
  }
  return { ok: true, value: { application: parsed.data, providedFields: provided, attachmentNames } };
}
