// The assessment PDF (issue 5 point 2): A4, DejaVu Sans subsets, PDF/A-2b metadata, "Side x av y", and an
// invisible PAdES signature field (plus a visible signature block in the text) ready for signPdf.
import { buildPdf } from './document';
import { formatOsloDateTime } from '../../../shared/time/display';
import { formatKroner } from './format';
import type { PageWriter } from './layout';
import type { AssessmentReportInput } from './report-input';

// Norwegian words for the stored codes: an nb PDF carries no English status codes (issue 12.8).
const STATUS: Record<string, string> = {
  pass: 'Oppfylt',
  fail: 'Ikke oppfylt',
  review: 'Må vurderes',
  'not-applicable': 'Gjelder ikke',
};
const SEVERITY: Record<string, string> = { reject: 'krav', priority: 'prioritering', info: 'informasjon' };
const KIND: Record<string, string> = { auto: 'automatisk', manual: 'manuell', 'auto-override': 'automatisk, kan overstyres' };
const DECISION: Record<string, string> = {
  grant: 'Tilskudd anbefales',
  reject: 'Avslag anbefales',
  undecided: 'Ikke avgjort',
};
const THRESHOLD: Record<string, string> = { met: 'når terskelen', 'not-met': 'under terskelen', missing: 'mangler poeng' };

/** Page 1: what a reader wants first – who, what, the formal result, both scores against the thresholds, the
 * recommendation and the amount (issue 12.9). The details follow from page 2. */
function writeSummary(page: PageWriter, input: AssessmentReportInput): void {
  const { scheme, application } = input;
  page.heading(`Faglig vurdering av søknad ${application.id}`, 1);
  page.muted(`${scheme.title} · ${scheme.round}`);
  page.gap(6);
  page.keyValues([
    ['Søker', `${application.applicant}, org.nr. ${application.organisationNumber}`],
    ['Prosjekt', application.projectTitle],
    ['Satsingsområde', application.focusArea],
    ['Omsøkt beløp', formatKroner(application.requestedAmount)],
    ['Formelt resultat', input.evaluation.verdict],
  ]);
  page.heading('Poeng mot tersklene');
  page.table(
    [
      { header: 'Kriterium', width: 0.34 },
      { header: 'Poeng', width: 0.14 },
      { header: 'Terskel', width: 0.14 },
      { header: 'Vekt', width: 0.12 },
      { header: 'Vurdering', width: 0.26 },
    ],
    input.scores.map((score) => [
      score.title,
      score.score === null ? '–' : `${score.score} av ${score.scaleMax}`,
      String(score.threshold),
      String(score.weight),
      score.thresholdStatus ? (THRESHOLD[score.thresholdStatus] ?? score.thresholdStatus) : '–',
    ]),
  );
  page.paragraph(`Vektet snitt: ${input.totals.weightedTotal} av ${input.totals.maximum}`, { bold: true });
  page.heading('Anbefaling');
  page.keyValues([
    ['Anbefaling', DECISION[input.recommendation.decision] ?? input.recommendation.decision],
    ['Beløp', formatKroner(input.recommendation.amount)],
    ['Kommentar', input.recommendation.comment || '–'],
  ]);
  page.heading('Habilitet (forvaltningsloven § 6)');
  if (!input.impartiality) {
    page.paragraph('Ingen erklæring avgitt.');
  } else if (input.impartiality.conflict) {
    page.paragraph(`Inhabil: ${input.impartiality.reason}`, { bold: true });
    page.muted(`Erklært ${formatOsloDateTime(input.impartiality.declaredAt, 'nb')}`);
  } else {
    page.paragraph('Saksbehandler har vurdert habilitet og er habil.');
    page.muted(`Erklært ${formatOsloDateTime(input.impartiality.declaredAt, 'nb')}`);
  }
  page.muted(`Vurdert av ${input.assessor.name}${input.finalisedAt ? `, ferdigstilt ${formatOsloDateTime(input.finalisedAt, 'nb')}` : ''}. Detaljene følger fra side 2.`);
}

function writeBody(page: PageWriter, input: AssessmentReportInput): void {
  const { scheme, application } = input;
  writeSummary(page, input);
  page.newPage();
  page.heading('Søknaden');
  page.keyValues([
    ['Ordning', `${scheme.title} (${scheme.id})`],
    ['Forvalter', scheme.owner],
    ['Runde', scheme.round],
    ['Søknads-ID', application.id],
    ['Kommune', application.municipality],
    ['Prosjektperiode', application.period],
    ['Mottatt', formatOsloDateTime(application.submittedAt, 'nb')],
  ]);

  page.heading('Formelle krav');
  page.paragraph(`Resultat: ${input.evaluation.verdict}`, { bold: true });
  page.table(
    [
      { header: 'Regel', width: 0.08 },
      { header: 'Krav', width: 0.3 },
      { header: 'Status', width: 0.16 },
      { header: 'Begrunnelse og saksbehandlers vurdering', width: 0.46 },
    ],
    input.evaluation.rows.map((row) => {
      const review = row.review
        ? `\n${row.review.action === 'override' ? 'Overstyrt' : 'Bekreftet'} → ${STATUS[row.review.status] ?? row.review.status}: ${row.review.comment} (${formatOsloDateTime(row.review.at, 'nb')})`
        : '';
      return [
        row.ruleId,
        `${row.title} [${SEVERITY[row.severity] ?? row.severity}, ${KIND[row.kind] ?? row.kind}]`,
        STATUS[row.status] ?? row.status,
        `${row.reason}${review}`,
      ];
    }),
  );

  page.heading('Poeng og begrunnelser');
  for (const score of input.scores) {
    const value = score.score === null ? 'ikke satt' : `${score.score} av ${score.scaleMax}`;
    page.paragraph(`${score.title}: ${value}`, { bold: true });
    page.muted(`Vekt ${score.weight} · terskel ${score.threshold} · skala ${score.scaleMin}–${score.scaleMax}`);
    page.paragraph(`Nivå: ${score.levelDescriptor}`, { indent: 10 });
    page.paragraph(`Begrunnelse: ${score.justification || '–'}`, { indent: 10 });
    page.gap(4);
  }
  page.keyValues([
    ['Vektet snitt', `${input.totals.weightedTotal} av ${input.totals.maximum}`],
    ['Terskler', input.totals.thresholdStatus],
  ]);

  if (input.stipend) {
    page.heading('Deltakerstønad');
    page.table(
      [
        { header: 'Post', width: 0.7 },
        { header: 'Beløp', width: 0.3 },
      ],
      [...input.stipend.lines.map((line) => [line.label, formatKroner(line.amount)]), ['Sum', formatKroner(input.stipend.total)]],
    );
    if (input.stipend.note) page.muted(input.stipend.note);
  }

  page.heading('Dokumentgrunnlag (SHA-256)');
  page.paragraph(`Ordningsdefinisjon ${scheme.id}:`, { size: 8, bold: true });
  page.paragraph(scheme.sha256, { size: 8 });
  for (const file of input.files) {
    page.paragraph(`${file.path}${file.bytes === undefined ? '' : ` (${file.bytes} byte)`}`, { size: 8, bold: true });
    page.paragraph(file.sha256, { size: 8 });
  }

  page.heading('Signatur');
  page.box([
    `Elektronisk signert av: ${input.assessor.name}${input.assessor.email ? ` <${input.assessor.email}>` : ''}`,
    `Sertifikatets fingeravtrykk (SHA-256): ${input.assessor.fingerprint}`,
    `Tidspunkt: ${formatOsloDateTime(input.signedAt, 'nb')}`,
    `Vurderingsversjon: ${input.assessmentVersion}${input.finalisedAt ? `, ferdigstilt ${formatOsloDateTime(input.finalisedAt, 'nb')}` : ''}`,
    ...(input.auditHead ? [`Revisjonslogg ved eksport: oppføring ${input.auditHead.seq}, SHA-256 ${input.auditHead.hash}`] : []),
    'Signaturen er en PAdES B-B-signatur i dokumentet; kontroller den med «vurder verify», pdfsig eller Adobe Reader.',
  ]);
}

/** The unsigned PDF with a signature placeholder; hand it to signPdf. */
export async function buildAssessmentPdf(input: AssessmentReportInput): Promise<Uint8Array> {
  return buildPdf(
    {
      info: {
        title: `Vurdering av søknad ${input.application.id} – ${input.application.projectTitle}`,
        author: input.assessor.name,
        subject: `Faglig vurdering, ${input.scheme.title}`,
        keywords: [input.scheme.id, input.application.id, 'vurdering'],
        language: 'nb-NO',
      },
      created: input.signedAt,
      footer: `Vurder · ${input.scheme.id} · søknad ${input.application.id} · ${input.assessor.name}`,
      signature: { reason: `Faglig vurdering av søknad ${input.application.id}`, name: input.assessor.name, email: input.assessor.email ?? '' },
    },
    (page) => writeBody(page, input),
  );
}
