// The award list (issue 11 point 3): one row per recommended application with its first-year amount, in the
// CSV format of docs/award-list-format.md, and the same table (with sums per focus area) for the innstilling.
import { neutralise } from './labels';
import type { PanelReportModel } from './model';

export interface AwardTableRow {
  focusArea: string;
  applicant: string;
  project: string;
  amount: number;
  /** A sum row (per focus area, or the total). */
  sum: boolean;
}

/** Rows in focus-area order, each area followed by its sum, and the total last. */
export function awardTable(model: PanelReportModel): { rows: AwardTableRow[]; total: number } {
  const rows: AwardTableRow[] = [];
  let total = 0;
  const areas = [...new Set(model.awards.map((award) => award.focusArea))].sort((a, b) => a - b);
  for (const area of areas) {
    const awards = model.awards.filter((award) => award.focusArea === area);
    let sum = 0;
    for (const award of awards) {
      rows.push({ focusArea: `SO${area}`, applicant: award.applicantName, project: award.projectTitle, amount: award.amount, sum: false });
      sum += award.amount;
    }
    rows.push({ focusArea: `SO${area}`, applicant: `Sum SO${area}`, project: '', amount: sum, sum: true });
    total += sum;
  }
  rows.push({ focusArea: '', applicant: 'Sum i alt', project: '', amount: total, sum: true });
  return { rows, total };
}

/** A CSV field: quoted when it holds the separator, a quote or a line break; quotes doubled. */
function field(text: string): string {
  const value = neutralise(text);
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const AWARD_LIST_HEADER = ['Satsingsområde', 'Søker', 'Prosjekttittel', 'Beløp'] as const;

/** The award list as CSV (docs/award-list-format.md): UTF-8 with BOM, ';', CRLF, one header row, focus area SO1–SO6, whole kroner. */
export function awardListCsv(model: PanelReportModel): string {
  const lines = [AWARD_LIST_HEADER.join(';')];
  for (const award of model.awards) {
    lines.push([`SO${award.focusArea}`, award.applicantName, award.projectTitle, String(award.amount)].map(field).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
