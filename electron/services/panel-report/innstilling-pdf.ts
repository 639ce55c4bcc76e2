// The panel's signed recommendation (innstilling, issue 11 point 1): title page, per focus area the ranked
// table and the pool bar, the applications not recommended with their reasons, every flag and how it was
// settled, agreement figures, the award list and an appendix with the SHA-256 of every package and merged
// exchange file. Built on the same layout, PDF/A and signature code as the assessment PDF (pdf/document.ts).
import { rgb } from 'pdf-lib';
import { buildPdf } from '../pdf/document';
import { formatKroner, formatOsloInstant } from '../pdf/format';
import type { Column, PageWriter } from '../pdf/layout';
import { awardTable } from './award-list';
import { flagKindLabel, flagStateLabel, formatAmount, formatNumber, norwegianLongDate, reasonText } from './labels';
import { applicantOf } from './model';
import type { FocusAreaSection, PanelReportModel, PoolFigures } from './model';

const ALLOCATED = rgb(0.16, 0.4, 0.62);
const RELEASED = rgb(0.55, 0.72, 0.86);

export interface PdfOptions {
  /** Draft: "UTKAST" across every page and no signature field. */
  draft: boolean;
}

function titlePage(page: PageWriter, model: PanelReportModel, draft: boolean): void {
  const { scheme } = model;
  page.gap(120);
  page.paragraph(draft ? 'UTKAST TIL INNSTILLING' : 'INNSTILLING', { size: 11, bold: true });
  page.gap(6);
  page.paragraph(scheme.title.nb, { size: 20, bold: true });
  page.gap(10);
  page.paragraph('Faglig innstilling fra vurderingspanelet om tildeling av tilskudd', { size: 12 });
  page.gap(30);
  page.keyValues([
    ['Ordning', `${scheme.title.nb} (${scheme.id})`],
    ['Forvalter', scheme.owner],
    ['Runde', `${model.round.id}, opprettet ${norwegianLongDate(model.round.createdAt)}`],
    ['Dato', norwegianLongDate(model.generatedAt.toISOString())],
    ['Panelleder', model.lead.name + (model.lead.email ? ` <${model.lead.email}>` : '')],
    ['Søknader', `${model.applicants.length} behandlet, ${model.awards.length} anbefalt, ${model.notRecommended.length} ikke anbefalt`],
    ['Ramme', `${formatKroner(model.budgetTotal)}, foreslått fordelt ${formatKroner(model.allocatedTotal)}`],
  ]);
  page.gap(20);
  page.muted(
    'Beløpene gjelder første budsjettår. Tilskuddet tildeles for ett år av gangen; senere år er tilsagn med forbehold om Stortingets bevilgning for hvert budsjettår.',
    9,
  );
  page.newPage();
}

function poolLine(pool: PoolFigures): string {
  const released = pool.releasedIn > 0 ? `, frigitt reserve inn ${formatKroner(pool.releasedIn)}` : pool.releasedOut > 0 ? `, frigitt til felles pott ${formatKroner(pool.releasedOut)}` : '';
  return `Tildelt ${formatKroner(pool.allocated)} av ${formatKroner(pool.amount + pool.releasedIn - pool.releasedOut)} (pott ${formatKroner(pool.amount)}${released}); igjen ${formatKroner(pool.left)}`;
}

function poolBar(page: PageWriter, pool: PoolFigures): void {
  const available = pool.amount + pool.releasedIn - pool.releasedOut;
  const scale = Math.max(available, pool.amount, 1);
  const fromReserve = Math.min(pool.releasedIn, Math.max(0, pool.allocated - (pool.amount - pool.releasedOut)));
  page.bar([
    { share: (pool.allocated - fromReserve) / scale, color: ALLOCATED },
    { share: fromReserve / scale, color: RELEASED },
  ]);
  page.muted(poolLine(pool), 8);
}

/** "Gjennom." for a narrow table header; the legend under the table gives the full titles. */
function shortTitle(title: string): string {
  return title.length <= 8 ? title : `${title.slice(0, 7)}.`;
}

function focusAreaSection(page: PageWriter, model: PanelReportModel, section: FocusAreaSection): void {
  // Heading, pool bar, table header and a first row together: never a heading alone at the foot of a page.
  page.keepSpace(150);
  page.heading(`${section.code} ${section.title}`);
  const pool = model.pools.find((candidate) => candidate.id === section.poolId);
  if (pool) {
    page.muted(`Pott: ${pool.title}${pool.focusAreas.length > 1 ? ` (deles med ${pool.focusAreas.filter((area) => area !== section.focusArea).map((area) => `SO${area}`).join(', ')})` : ''}`, 8);
    poolBar(page, pool);
  }
  if (section.ranked.length === 0) {
    page.paragraph('Ingen søknader er rangert i dette satsingsområdet.');
    return;
  }
  const criteriaWidth = 0.2 / Math.max(1, model.criteria.length);
  const columns: Column[] = [
    { header: 'Nr.', width: 0.05, align: 'right' },
    { header: 'Søker og prosjekt', width: 0.34 },
    ...model.criteria.map((criterion): Column => ({ header: shortTitle(criterion.title), width: criteriaWidth, align: 'right' })),
    { header: 'Vektet', width: 0.08, align: 'right' },
    { header: 'Første år (kr)', width: 0.13, align: 'right' },
    { header: 'Senere år, tilsagn (kr)', width: 0.2, align: 'right' },
  ];
  page.table(
    columns,
    section.ranked.map((row) => {
      const applicant = applicantOf(model, row.applicationId);
      const notes = [row.tieNote, row.remainderOffered ? 'restbeløp i potten tilbudt' : null].filter((note): note is string => note !== null);
      return [
        String(row.rank),
        `${applicant.applicantName}\n${applicant.projectTitle}\n${row.applicationId}${notes.length > 0 ? ` · ${notes.join(' · ')}` : ''}`,
        ...model.criteria.map((criterion) => formatNumber(row.scores[criterion.id] ?? null)),
        formatNumber(row.weightedTotal),
        row.firstYearAmount > 0 ? formatAmount(row.firstYearAmount) : 'ikke midler',
        row.laterYears.length > 0 ? row.laterYears.map((year) => `${year.year}: ${formatAmount(year.amount)}`).join('\n') : '—',
      ];
    }),
    { size: 8 },
  );
  page.muted(`${model.criteria.map((criterion) => `${shortTitle(criterion.title)} = ${criterion.title.toLowerCase()} (vekt ${formatNumber(criterion.weight)}, terskel ${criterion.threshold})`).join(' · ')}. Poeng er panelets konsensus.`, 7.5);
  const sum = section.ranked.reduce((total, row) => total + row.firstYearAmount, 0);
  page.paragraph(`Sum første år ${section.code}: ${formatKroner(sum)}`, { size: 9, bold: true });
}

function notRecommended(page: PageWriter, model: PanelReportModel): void {
  page.heading('Søknader som ikke anbefales');
  if (model.notRecommended.length === 0) {
    page.paragraph('Alle behandlede søknader er anbefalt.');
    return;
  }
  page.table(
    [
      { header: 'Søknad', width: 0.21 },
      { header: 'Søker og prosjekt', width: 0.32 },
      { header: 'Grunn', width: 0.47 },
    ],
    model.notRecommended.map((row) => {
      const applicant = applicantOf(model, row.applicationId);
      return [`${row.applicationId}\nSO${applicant.focusArea}`, `${applicant.applicantName}\n${applicant.projectTitle}`, row.reasons.map(reasonText).join('\n')];
    }),
    { size: 8 },
  );
}

function flags(page: PageWriter, model: PanelReportModel): void {
  page.heading('Flagg og hvordan de er avgjort');
  if (model.flags.length === 0) {
    page.paragraph('Ingen flagg i denne runden.');
    return;
  }
  page.table(
    [
      { header: 'Søknad', width: 0.21 },
      { header: 'Flagg', width: 0.3 },
      { header: 'Avgjørelse og begrunnelse', width: 0.49 },
    ],
    model.flags.map((flag) => [
      flag.applicationId,
      `${flagKindLabel(flag.kind)}${flag.criterionId ? ` (${model.criteria.find((criterion) => criterion.id === flag.criterionId)?.title ?? flag.criterionId})` : ''}\n${flag.reason}`,
      `${flagStateLabel(flag.state)}${flag.justification ? `: ${flag.justification}` : ''}${flag.by ? `\n${flag.by}${flag.at ? `, ${formatOsloInstant(flag.at)}` : ''}` : ''}`,
    ]),
    { size: 8 },
  );
}

function agreement(page: PageWriter, model: PanelReportModel): void {
  page.heading('Samsvar mellom fagvurderere');
  if (!model.agreement) {
    page.paragraph('Samsvarstall er ikke beregnet for denne runden.');
    return;
  }
  page.table(
    [
      { header: 'Kriterium', width: 0.34 },
      { header: 'α ordinal', width: 0.15, align: 'right' },
      { header: 'α intervall', width: 0.15, align: 'right' },
      { header: '95 % intervall', width: 0.22, align: 'right' },
      { header: 'Par', width: 0.14, align: 'right' },
    ],
    model.agreement.criteria.map((row) => [
      row.title,
      formatNumber(row.alphaOrdinal),
      formatNumber(row.alphaInterval),
      row.interval ? `${formatNumber(row.interval[0])} – ${formatNumber(row.interval[1])}` : '—',
      String(row.pairs),
    ]),
  );
  page.muted("Krippendorffs α: 1 er full enighet, 0 er ikke bedre enn tilfeldig. Avvik er fagvurdererens gjennomsnittlige avstand fra konsensus (veiledende; ingen poeng er endret på grunnlag av dette).");
  page.table(
    [
      { header: 'Fagvurderer', width: 0.4 },
      { header: 'Kriterium', width: 0.26 },
      { header: 'Gj.snittlig avvik', width: 0.18, align: 'right' },
      { header: 'Søknader', width: 0.16, align: 'right' },
    ],
    model.agreement.assessors.map((row) => [`${row.name} (${row.assessorId})`, row.criterionTitle, formatNumber(row.meanOffset), String(row.applications)]),
  );
}

function awards(page: PageWriter, model: PanelReportModel): void {
  page.heading('Tildelingsliste');
  page.muted('Samme tabell som tildelingslisten (CSV) som følger innstillingen; beløp for første budsjettår.');
  const table = awardTable(model);
  page.table(
    [
      { header: 'Satsingsområde', width: 0.14 },
      { header: 'Søker', width: 0.3 },
      { header: 'Prosjekt', width: 0.38 },
      { header: 'Beløp (kr)', width: 0.18, align: 'right' },
    ],
    table.rows.map((row) => [row.focusArea, row.applicant, row.project, formatAmount(row.amount)]),
    { size: 8, boldRows: new Set(table.rows.flatMap((row, index) => (row.sum ? [index] : []))) },
  );
  page.paragraph('Kontroll av tildelingslisten (duplikater, beløp langt fra medianen i satsingsområdet, potter og ramme, søkere i kommuneregisteret):', { size: 8.5, bold: true });
  if (model.awardListNotes.length === 0) page.paragraph('Ingen merknader.', { size: 8.5 });
  for (const note of model.awardListNotes) page.paragraph(`•  ${note}`, { size: 8.5, indent: 8 });
}

function appendix(page: PageWriter, model: PanelReportModel): void {
  page.newPage();
  page.heading('Vedlegg: sjekksummer (SHA-256)', 1);
  page.muted('Kjeden søknad → vurdering → innstilling kan kontrolleres: pakkene og de flettede utvekslingsfilene har disse SHA-256-verdiene.');
  page.paragraph(`Ordningsdefinisjon ${model.scheme.id}: ${model.schemeSha256}`, { size: 7.5 });
  page.heading('Søknadspakker');
  page.table(
    [
      { header: 'Søknad', width: 0.3 },
      { header: 'SHA-256', width: 0.7 },
    ],
    model.hashes.packages.map((row) => [`${row.label}\n${row.detail}`, row.sha256]),
    { size: 7 },
  );
  page.heading('Flettede utvekslingsfiler');
  page.table(
    [
      { header: 'Fagvurderer', width: 0.3 },
      { header: 'SHA-256', width: 0.7 },
    ],
    model.hashes.exchangeFiles.map((row) => [`${row.label}\n${row.detail}`, row.sha256]),
    { size: 7 },
  );
}

function signatureBlock(page: PageWriter, model: PanelReportModel, draft: boolean): void {
  page.heading('Signatur');
  page.box(
    draft
      ? ['UTKAST – ikke signert. Dette dokumentet er ikke en endelig innstilling.']
      : [
          `Elektronisk signert av panelleder: ${model.lead.name}${model.lead.email ? ` <${model.lead.email}>` : ''}`,
          `Sertifikatets fingeravtrykk (SHA-256): ${model.lead.fingerprint}`,
          `Tidspunkt: ${formatOsloInstant(model.generatedAt)}`,
          'Signaturen er en PAdES B-B-signatur i dokumentet; kontroller den med «vurder verify», pdfsig eller Adobe Reader.',
        ],
  );
}

/** The innstilling with a signature placeholder (sign it with signPdf), or a finished unsigned draft. */
export function buildInnstillingPdf(model: PanelReportModel, options: PdfOptions): Promise<Uint8Array> {
  return buildPdf(
    {
      info: {
        title: `Innstilling – ${model.scheme.title.nb}`,
        author: model.lead.name,
        subject: `Innstilling fra vurderingspanelet, runde ${model.round.id}`,
        keywords: [model.scheme.id, model.round.id, 'innstilling'],
        language: 'nb-NO',
      },
      created: model.generatedAt,
      footer: `Vurder · ${model.scheme.id} · innstilling · ${model.lead.name}${options.draft ? ' · UTKAST' : ''}`,
      signature: options.draft ? null : { reason: `Innstilling ${model.scheme.id}`, name: model.lead.name, email: model.lead.email },
      ...(options.draft ? { watermark: 'UTKAST' } : {}),
    },
    (page) => {
      titlePage(page, model, options.draft);
      page.heading('Potter', 1);
      page.table(
        [
          { header: 'Pott', width: 0.3 },
          { header: 'Ramme (kr)', width: 0.16, align: 'right' },
          { header: 'Frigitt (kr)', width: 0.16, align: 'right' },
          { header: 'Tildelt (kr)', width: 0.19, align: 'right' },
          { header: 'Igjen (kr)', width: 0.19, align: 'right' },
        ],
        [
          ...model.pools.map((pool) => [
            pool.title,
            formatAmount(pool.amount),
            pool.releasedIn > 0 ? `+${formatAmount(pool.releasedIn)}` : pool.releasedOut > 0 ? `−${formatAmount(pool.releasedOut)}` : '0',
            formatAmount(pool.allocated),
            formatAmount(pool.left),
          ]),
          ['Sum', formatAmount(model.budgetTotal), '', formatAmount(model.allocatedTotal), formatAmount(model.budgetTotal - model.allocatedTotal)],
        ],
        { boldRows: new Set([model.pools.length]) },
      );
      page.muted(`Når en søknad ikke får plass i potten: ${model.shortfall === 'offer-remainder' ? 'restbeløpet tilbys' : 'søknaden hoppes over, og neste i rangeringen vurderes'}.`);
      page.heading('Rangering per satsingsområde', 1);
      for (const section of model.focusAreas) focusAreaSection(page, model, section);
      notRecommended(page, model);
      flags(page, model);
      agreement(page, model);
      awards(page, model);
      signatureBlock(page, model, options.draft);
      appendix(page, model);
    },
  );
}
