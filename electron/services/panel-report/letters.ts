// Decision letters (issue 11 point 4): one PDF per applicant, a grant letter (tilskuddsbrev) for every
// application on the award list and a rejection letter with its grounds for every other. The wording is
// the templates in resources/letters/nb/; amounts, deadlines, payment terms and the appeal statement come
// from the model and the scheme file's `decision` texts.
import { buildPdf } from '../pdf/document';
import { formatKroner } from '../pdf/format';
import type { PageWriter } from '../pdf/layout';
import { resourceText } from '../pdf/resources';
import { formatNumber, norwegianLongDate, norwegianShortDate } from './labels';
import { renderTemplate } from './letter-template';
import type { LetterBlock, TemplateValues } from './letter-template';
import { applicantOf } from './model';
import type { NotRecommendedReason, PanelReportModel, RankedRow } from './model';

export type LetterKind = 'grant' | 'reject';

export class LetterError extends Error {
  constructor(
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const TEMPLATES: Record<LetterKind, string> = { grant: 'letters/nb/tilskuddsbrev.txt', reject: 'letters/nb/avslagsbrev.txt' };

function rankedRow(model: PanelReportModel, applicationId: string): RankedRow | undefined {
  for (const area of model.focusAreas) {
    const row = area.ranked.find((candidate) => candidate.applicationId === applicationId);
    if (row) return row;
  }
  return undefined;
}

function scoreSummary(model: PanelReportModel, row: RankedRow): string {
  const parts = model.criteria.map((criterion) => `${criterion.title.toLowerCase()} ${formatNumber(row.scores[criterion.id] ?? null)}`);
  return `${parts.join(' og ')} (vektet sum ${formatNumber(row.weightedTotal)})`;
}

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1) ?? ''}`;
}

export function letterKind(model: PanelReportModel, applicationId: string): LetterKind {
  return model.awards.some((award) => award.applicationId === applicationId && award.amount > 0) ? 'grant' : 'reject';
}

/** The values a letter template is filled with. */
export function letterValues(model: PanelReportModel, applicationId: string, draft = false): { kind: LetterKind; values: TemplateValues } {
  const { scheme } = model;
  const decision = scheme.decision;
  if (!decision) {
    throw new LetterError(
      `ordningen ${scheme.id} har ikke tekstene «decision» (utbetaling, rapportering, klageadgang); brev kan ikke lages`,
      `the scheme ${scheme.id} has no "decision" texts (payment, reporting, appeal); letters cannot be written`,
    );
  }
  const applicant = applicantOf(model, applicationId);
  const area = scheme.focusAreas.find((candidate) => candidate.id === applicant.focusArea);
  const kind = letterKind(model, applicationId);
  const row = rankedRow(model, applicationId);
  const common: Record<string, string | string[] | boolean> = {
    owner: scheme.owner,
    schemeTitle: scheme.title.nb,
    applicantName: applicant.applicantName,
    applicationId,
    projectTitle: applicant.projectTitle,
    focusAreaCode: area?.code ?? `SO${applicant.focusArea}`,
    focusAreaTitle: area?.title.nb ?? '',
    appeal: decision.appeal.nb,
    contact: decision.contact.nb,
    control: decision.control?.nb ?? '',
    leadName: model.lead.name,
    rank: row ? String(row.rank) : '',
    draft,
    scoreSummary: row ? scoreSummary(model, row) : '',
  };
  if (kind === 'grant') {
    if (!row) throw new LetterError(`${applicationId} står på tildelingslisten, men ikke i rangeringen`, `${applicationId} is on the award list but not in the ranking`);
    const terms = decision.payment.terms.map((term) => term.nb);
    return {
      kind,
      values: {
        ...common,
        firstYearAmount: formatKroner(row.firstYearAmount),
        firstYear: String(applicant.requested.firstYearYear ?? scheme.year),
        remainderOffered: row.remainderOffered,
        laterYears: row.laterYears.map((year) => `${year.year}: ${formatKroner(year.amount)}`),
        commitmentReservation: decision.commitmentReservation.nb,
        paymentText: decision.payment.text.nb,
        paymentTerms: joinList(terms),
        paymentTermCount: terms.length === 2 ? 'to' : String(terms.length),
        reportingDeadlines: scheme.reportingDeadlines.map((deadline) => `${norwegianShortDate(deadline.date)} – ${deadline.title.nb.charAt(0).toLowerCase()}${deadline.title.nb.slice(1)}`),
        reportingDuties: decision.reportingDuties.filter((duty) => !duty.focusAreas || duty.focusAreas.includes(applicant.focusArea)).map((duty) => duty.text.nb),
      },
    };
  }
  const reasons: NotRecommendedReason[] = model.notRecommended.find((candidate) => candidate.applicationId === applicationId)?.reasons ?? [];
  if (reasons.length === 0) {
    throw new LetterError(`${applicationId} står verken på tildelingslisten eller blant søknadene som ikke anbefales`, `${applicationId} is neither on the award list nor among the applications not recommended`);
  }
  const ineligible = reasons.find((reason) => reason.kind === 'ineligible');
  const below = reasons.find((reason) => reason.kind === 'below-threshold');
  const noFunds = reasons.find((reason) => reason.kind === 'no-funds');
  const unsettled = reasons.find((reason) => reason.kind === 'not-settled');
  // A draft may show an undecided application; a final letter needs grounds.
  if (unsettled && !ineligible && !below && !noFunds && !draft) {
    throw new LetterError(`${applicationId}: konsensus er ikke avgjort (${unsettled.missing.join(', ')}); ingen grunnlag for vedtak`, `${applicationId}: the consensus is not settled (${unsettled.missing.join(', ')}); no grounds for a decision`);
  }
  return {
    kind,
    values: {
      ...common,
      ineligible: ineligible !== undefined,
      failedRules: ineligible ? ineligible.rules.map((rule) => `${rule.id} ${rule.title}: «${rule.schemeText}»`) : [],
      ineligibleJustification: ineligible?.justification ?? '',
      belowThreshold: below !== undefined,
      scaleMin: String(scheme.scoring.scale.min),
      scaleMax: String(scheme.scoring.scale.max),
      thresholdScores: below ? below.scores.map((score) => `${score.title}: ${formatNumber(score.score)} (terskel ${score.threshold})`) : [],
      noFunds: noFunds !== undefined,
      poolTitle: noFunds?.poolTitle ?? '',
      notSettled: unsettled !== undefined,
      notSettledList: unsettled ? unsettled.missing.join(', ') : '',
    },
  };
}

export function letterBlocks(model: PanelReportModel, applicationId: string, draft = false): { kind: LetterKind; blocks: LetterBlock[] } {
  const { kind, values } = letterValues(model, applicationId, draft);
  return { kind, blocks: renderTemplate(resourceText(TEMPLATES[kind]), values, TEMPLATES[kind]) };
}

function writeLetter(page: PageWriter, model: PanelReportModel, applicationId: string, blocks: readonly LetterBlock[]): void {
  const applicant = applicantOf(model, applicationId);
  page.paragraph(model.scheme.owner, { size: 10, bold: true });
  page.muted(model.scheme.title.nb, 8);
  page.gap(18);
  page.paragraph(applicant.applicantName, { size: 10 });
  page.paragraph(`Kommunenummer ${applicant.municipalityNumber}`, { size: 10 });
  page.gap(14);
  page.keyValues(
    [
      ['Vår referanse', applicationId],
      ['Dato', norwegianLongDate(model.generatedAt.toISOString())],
    ],
    9,
  );
  page.gap(10);
  for (const { kind, text: raw } of blocks) {
    // "§§ 18 og 19" stays on one line: a no-break space after the section sign.
    const block = { kind, text: raw.replace(/(§§?) (?=\d)/g, '$1\u00a0') };
    switch (block.kind) {
      case 'heading':
        page.heading(block.text, 1);
        page.gap(4);
        break;
      case 'subheading':
        page.keepSpace(60);
        page.gap(4);
        page.paragraph(block.text, { size: 10.5, bold: true });
        page.gap(2);
        break;
      case 'bullet':
        page.paragraph(`•  ${block.text}`, { size: 10, indent: 12 });
        page.gap(2);
        break;
      case 'paragraph':
        page.paragraph(block.text, { size: 10 });
        page.gap(5);
        break;
    }
  }
}

/** One letter with a signature placeholder (sign it with signPdf), or a finished unsigned draft. */
export function buildLetterPdf(model: PanelReportModel, applicationId: string, options: { draft: boolean }): Promise<Uint8Array> {
  const { kind, blocks } = letterBlocks(model, applicationId, options.draft);
  const title = `${kind === 'grant' ? 'Tilskuddsbrev' : 'Avslag'} – søknad ${applicationId}`;
  return buildPdf(
    {
      info: { title, author: model.lead.name, subject: model.scheme.title.nb, keywords: [model.scheme.id, applicationId, kind === 'grant' ? 'tilskuddsbrev' : 'avslag'], language: 'nb-NO' },
      created: model.generatedAt,
      footer: `${model.scheme.owner} · søknad ${applicationId}${options.draft ? ' · UTKAST' : ''}`,
      signature: options.draft ? null : { reason: title, name: model.lead.name, email: model.lead.email },
      ...(options.draft ? { watermark: 'UTKAST' } : {}),
    },
    (page) => writeLetter(page, model, applicationId, blocks),
  );
}
