// The panel's XLSX workbook (issue 11 point 2), written with exceljs: sheets Innstilling, Vurderinger, Flagg,
// Potter and Samsvar. Amounts are real numbers with a kroner format, instants are real dates (the Oslo wall
// clock, since a spreadsheet date has no zone), every sheet has a frozen header row, an autofilter and
// column widths that fit. Text that a spreadsheet could take for a formula is neutralised.
import ExcelJS from 'exceljs';
import { osloClock } from '../../../shared/time/oslo';
import { flagKindLabel, flagStateLabel, formatAmount, neutralise, reasonText } from './labels';
import { applicantOf } from './model';
import type { PanelReportModel } from './model';

/**
 * Format codes are stored in the file's own (en-US) syntax: "," is the grouping placeholder, which Norwegian
 * Excel and LibreOffice show with a space, i.e. as `# ##0 "kr"`. A literal space in the code would not group.
 */
export const KRONER_FORMAT = '#,##0 "kr"';
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';
const SCORE_FORMAT = '0.0#';

type Cell = string | number | Date | boolean | null;

interface SheetColumn {
  header: string;
  kind?: 'text' | 'kroner' | 'date' | 'score' | 'number' | 'long';
}

/** An instant as a spreadsheet date showing the Oslo wall clock. */
export function osloSpreadsheetDate(iso: string | null): Date | null {
  if (!iso) return null;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const clock = osloClock(instant);
  return new Date(`${clock.date}T${clock.time}Z`);
}

function displayLength(value: Cell, kind: SheetColumn['kind']): number {
  if (value === null) return 0;
  switch (kind) {
    case 'kroner':
      return typeof value === 'number' ? Math.round(value).toLocaleString('nb-NO').length + 3 : String(value).length;
    case 'date':
      return 16;
    default:
      return Math.max(...String(value).split('\n').map((line) => line.length));
  }
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly SheetColumn[], rows: readonly (readonly Cell[])[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((column) => column.header));
  for (const row of rows) {
    sheet.addRow(row.map((value) => (typeof value === 'string' ? neutralise(value) : value)));
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    const longest = Math.max(column.header.length, ...rows.map((row) => displayLength(row[index] ?? null, column.kind)));
    // Long prose wraps at 60 characters; everything else is as wide as its widest value.
    sheetColumn.width = Math.min(column.kind === 'long' ? 60 : 50, Math.max(8, longest + 2));
    switch (column.kind) {
      case 'kroner':
        sheetColumn.numFmt = KRONER_FORMAT;
        break;
      case 'date':
        sheetColumn.numFmt = DATE_TIME_FORMAT;
        break;
      case 'score':
        sheetColumn.numFmt = SCORE_FORMAT;
        break;
      case 'long':
        sheetColumn.alignment = { wrapText: true, vertical: 'top' };
        break;
      case 'text':
      case 'number':
      case undefined:
        break;
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
}

function innstillingSheet(workbook: ExcelJS.Workbook, model: PanelReportModel): void {
  const columns: SheetColumn[] = [
    { header: 'Satsingsområde' },
    { header: 'Rang', kind: 'number' },
    { header: 'Søknad' },
    { header: 'Søker' },
    { header: 'Kommunenummer' },
    { header: 'Prosjekt', kind: 'long' },
    ...model.criteria.map((criterion): SheetColumn => ({ header: criterion.title, kind: 'score' })),
    { header: 'Vektet sum', kind: 'score' },
    { header: 'Første år', kind: 'kroner' },
    { header: 'Senere år (tilsagn)', kind: 'kroner' },
    { header: 'Status' },
    { header: 'Merknad', kind: 'long' },
  ];
  const rows: Cell[][] = [];
  for (const area of model.focusAreas) {
    for (const row of area.ranked) {
      const applicant = applicantOf(model, row.applicationId);
      rows.push([
        area.code,
        row.rank,
        row.applicationId,
        applicant.applicantName,
        applicant.municipalityNumber,
        applicant.projectTitle,
        ...model.criteria.map((criterion) => row.scores[criterion.id] ?? null),
        row.weightedTotal,
        row.firstYearAmount,
        row.laterYears.reduce((sum, year) => sum + year.amount, 0),
        row.firstYearAmount > 0 ? 'Anbefalt' : 'Ikke midler',
        [row.tieNote, row.remainderOffered ? 'restbeløp i potten tilbudt' : null, ...row.laterYears.map((year) => `${year.year}: ${formatAmount(year.amount)} kr`)].filter(Boolean).join('; '),
      ]);
    }
  }
  for (const row of model.notRecommended) {
    const applicant = applicantOf(model, row.applicationId);
    if (rows.some((existing) => existing[2] === row.applicationId)) continue;
    rows.push([
      `SO${applicant.focusArea}`,
      null,
      row.applicationId,
      applicant.applicantName,
      applicant.municipalityNumber,
      applicant.projectTitle,
      ...model.criteria.map(() => null),
      null,
      0,
      0,
      'Ikke anbefalt',
      row.reasons.map(reasonText).join('; '),
    ]);
  }
  addSheet(workbook, 'Innstilling', columns, rows);
}

function assessmentsSheet(workbook: ExcelJS.Workbook, model: PanelReportModel): void {
  const columns: SheetColumn[] = [
    { header: 'Søknad' },
    { header: 'Fagvurderer' },
    { header: 'Fagvurderer-ID' },
    { header: 'Status' },
    { header: 'Klarert' },
    { header: 'Versjon', kind: 'number' },
    { header: 'Ferdigstilt', kind: 'date' },
    { header: 'Formelle krav' },
    { header: 'Anbefaling' },
    { header: 'Beløp hele perioden', kind: 'kroner' },
    { header: 'Første år', kind: 'kroner' },
    ...model.criteria.flatMap((criterion): SheetColumn[] => [
      { header: criterion.title, kind: 'number' },
      { header: `Begrunnelse ${criterion.title.toLowerCase()}`, kind: 'long' },
    ]),
    { header: 'Kommentar', kind: 'long' },
  ];
  const rows = model.assessments.map((row): Cell[] => [
    row.applicationId,
    row.assessorName,
    row.assessorId,
    row.status,
    row.trusted ? 'ja' : 'nei (ikke klarert)',
    row.version,
    osloSpreadsheetDate(row.finalisedAt),
    row.eligibility,
    row.decision,
    row.amount,
    row.firstYearAmount,
    ...model.criteria.flatMap((criterion) => {
      const score = row.scores.find((candidate) => candidate.criterionId === criterion.id);
      return [score?.score ?? null, score?.justification ?? ''];
    }),
    row.comment,
  ]);
  addSheet(workbook, 'Vurderinger', columns, rows);
}

function flagsSheet(workbook: ExcelJS.Workbook, model: PanelReportModel): void {
  const columns: SheetColumn[] = [
    { header: 'Søknad' },
    { header: 'Flagg' },
    { header: 'Kriterium' },
    { header: 'Fagvurderere' },
    { header: 'Grunn', kind: 'long' },
    { header: 'Status' },
    { header: 'Begrunnelse', kind: 'long' },
    { header: 'Avgjort av' },
    { header: 'Tidspunkt', kind: 'date' },
  ];
  const rows = model.flags.map((flag): Cell[] => [
    flag.applicationId,
    flagKindLabel(flag.kind),
    flag.criterionId ? (model.criteria.find((criterion) => criterion.id === flag.criterionId)?.title ?? flag.criterionId) : '',
    flag.assessorIds.join(', '),
    flag.reason,
    flagStateLabel(flag.state),
    flag.justification ?? '',
    flag.by ?? '',
    osloSpreadsheetDate(flag.at),
  ]);
  addSheet(workbook, 'Flagg', columns, rows);
}

function poolsSheet(workbook: ExcelJS.Workbook, model: PanelReportModel): void {
  const columns: SheetColumn[] = [
    { header: 'Pott' },
    { header: 'Navn' },
    { header: 'Satsingsområder' },
    { header: 'Reservert' },
    { header: 'Ramme', kind: 'kroner' },
    { header: 'Frigitt inn', kind: 'kroner' },
    { header: 'Frigitt ut', kind: 'kroner' },
    { header: 'Tildelt', kind: 'kroner' },
    { header: 'Igjen', kind: 'kroner' },
  ];
  const rows = model.pools.map((pool): Cell[] => [
    pool.id,
    pool.title,
    pool.focusAreas.map((area) => `SO${area}`).join(', '),
    pool.reserved ? 'ja' : 'nei',
    pool.amount,
    pool.releasedIn,
    pool.releasedOut,
    pool.allocated,
    pool.left,
  ]);
  addSheet(workbook, 'Potter', columns, rows);
}

function agreementSheet(workbook: ExcelJS.Workbook, model: PanelReportModel): void {
  const columns: SheetColumn[] = [
    { header: 'Type' },
    { header: 'Navn' },
    { header: 'Kriterium' },
    { header: 'α ordinal', kind: 'score' },
    { header: 'α intervall', kind: 'score' },
    { header: '95 % nedre', kind: 'score' },
    { header: '95 % øvre', kind: 'score' },
    { header: 'Gj.snittlig avvik', kind: 'score' },
    { header: 'Antall', kind: 'number' },
  ];
  const agreement = model.agreement;
  const rows: Cell[][] = agreement
    ? [
        ...agreement.criteria.map((row): Cell[] => ['Kriterium', row.title, row.title, row.alphaOrdinal, row.alphaInterval, row.interval?.[0] ?? null, row.interval?.[1] ?? null, null, row.pairs]),
        ...agreement.assessors.map((row): Cell[] => ['Fagvurderer', `${row.name} (${row.assessorId})`, row.criterionTitle, null, null, null, null, row.meanOffset, row.applications]),
      ]
    : [];
  addSheet(workbook, 'Samsvar', columns, rows);
}

export async function buildWorkbook(model: PanelReportModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `Vurder – ${model.lead.name}`;
  workbook.created = model.generatedAt;
  workbook.modified = model.generatedAt;
  innstillingSheet(workbook, model);
  assessmentsSheet(workbook, model);
  flagsSheet(workbook, model);
  poolsSheet(workbook, model);
  agreementSheet(workbook, model);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
