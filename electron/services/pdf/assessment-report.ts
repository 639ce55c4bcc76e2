// The assessment PDF (issue 5 point 2): A4, DejaVu Sans subsets, PDF/A-2b metadata, "Side x av y", and an
// invisible PAdES signature field (plus a visible signature block in the text) ready for signPdf.
import { buildPdf } from './document';
import { formatKroner, formatOsloInstant } from './format';
import type { PageWriter } from './layout';
import type { AssessmentReportInput } from './report-input';

const STATUS: Record<string, string> = {
  pass: 'Oppfylt (pass)',
  fail: 'Ikke oppfylt (fail)',
  review: 'Til vurdering (review)',
  'not-applicable': 'Ikke aktuelt (n/a)',
};

const DECISION: Record<string, string> = {
  grant: 'Tilskudd anbefales (grant)',
  reject: 'Avslag anbefales (reject)',
  undecided: 'Ikke avgjort (undecided)',
};

function writeBody(page: PageWriter, input: AssessmentReportInput): void {
  const { scheme, application } = input;
  page.heading(`Faglig vurdering av søknad ${application.id}`, 1);
  page.muted(`Assessment of application ${application.id} · ${scheme.title}`);
  page.gap(6);
  page.keyValues([
    ['Ordning (scheme)', `${scheme.title} (${scheme.id})`],
    ['Forvalter (owner)', scheme.owner],
    ['Runde (round)', scheme.round],
    ['Søknad-ID (application)', application.id],
    ['Søker (applicant)', `${application.applicant}, org.nr. ${application.organisationNumber}`],
    ['Kommune (municipality)', application.municipality],
    ['Prosjekt (project)', application.projectTitle],
    ['Satsingsområde (focus area)', application.focusArea],
    ['Omsøkt beløp (requested)', formatKroner(application.requestedAmount)],
    ['Prosjektperiode (period)', application.period],
    ['Mottatt (submitted)', formatOsloInstant(application.submittedAt)],
  ]);

  page.heading('Formelle krav (formal checks)');
  page.paragraph(`Resultat (verdict): ${input.evaluation.verdict}`, { bold: true });
  page.table(
    [
      { header: 'Regel', width: 0.08 },
      { header: 'Krav (rule)', width: 0.3 },
      { header: 'Status', width: 0.16 },
      { header: 'Begrunnelse (reason) / overstyring (override)', width: 0.46 },
    ],
    input.evaluation.rows.map((row) => {
      const review = row.review
        ? `\n${row.review.action === 'override' ? 'Overstyrt (override)' : 'Bekreftet (confirmed)'} → ${STATUS[row.review.status] ?? row.review.status}: ${row.review.comment} (${formatOsloInstant(row.review.at)})`
        : '';
      return [row.ruleId, `${row.title} [${row.severity}, ${row.kind}]`, STATUS[row.status] ?? row.status, `${row.reason}${review}`];
    }),
  );

  page.heading('Habilitet (impartiality, forvaltningsloven § 6)');
  if (!input.impartiality) {
    page.paragraph('Ingen erklæring avgitt (no declaration).');
  } else if (input.impartiality.conflict) {
    page.paragraph(`Inhabil (disqualified): ${input.impartiality.reason}`, { bold: true });
    page.muted(`Erklært (declared) ${formatOsloInstant(input.impartiality.declaredAt)}`);
  } else {
    page.paragraph('Saksbehandler har vurdert habilitet og er habil (the assessor has considered impartiality and has no conflict).');
    page.muted(`Erklært (declared) ${formatOsloInstant(input.impartiality.declaredAt)}`);
  }

  page.heading('Poeng (scores)');
  for (const score of input.scores) {
    const value = score.score === null ? 'ikke satt (not set)' : `${score.score} av ${score.scaleMax}`;
    page.paragraph(`${score.title}: ${value}`, { bold: true });
    page.muted(`Vekt (weight) ${score.weight} · terskel (threshold) ${score.threshold} · skala (scale) ${score.scaleMin}–${score.scaleMax}`);
    page.paragraph(`Nivå (level): ${score.levelDescriptor}`, { indent: 10 });
    page.paragraph(`Begrunnelse (justification): ${score.justification || '—'}`, { indent: 10 });
    page.gap(4);
  }
  page.keyValues([
    ['Vektet sum (weighted total)', `${input.totals.weightedTotal} av ${input.totals.maximum}`],
    ['Terskler (thresholds)', input.totals.thresholdStatus],
  ]);

  if (input.stipend) {
    page.heading('Stipend (stipend breakdown)');
    page.table(
      [
        { header: 'Post (item)', width: 0.7 },
        { header: 'Beløp (amount)', width: 0.3 },
      ],
      [...input.stipend.lines.map((line) => [line.label, formatKroner(line.amount)]), ['Sum (total)', formatKroner(input.stipend.total)]],
    );
    if (input.stipend.note) page.muted(input.stipend.note);
  }

  page.heading('Innstilling (recommendation)');
  page.keyValues([
    ['Anbefaling (decision)', DECISION[input.recommendation.decision] ?? input.recommendation.decision],
    ['Beløp (amount)', formatKroner(input.recommendation.amount)],
    ['Kommentar (comment)', input.recommendation.comment || '—'],
  ]);

  page.heading('Dokumentgrunnlag (SHA-256 of the documents assessed)');
  page.paragraph(`Ordningsdefinisjon (scheme definition) ${scheme.id}:`, { size: 8, bold: true });
  page.paragraph(scheme.sha256, { size: 8 });
  for (const file of input.files) {
    page.paragraph(`${file.path}${file.bytes === undefined ? '' : ` (${file.bytes} byte)`}`, { size: 8, bold: true });
    page.paragraph(file.sha256, { size: 8 });
  }

  page.heading('Signatur (signature)');
  page.box([
    `Elektronisk signert av (electronically signed by): ${input.assessor.name}${input.assessor.email ? ` <${input.assessor.email}>` : ''}`,
    `Sertifikatets fingeravtrykk SHA-256 (certificate fingerprint): ${input.assessor.fingerprint}`,
    `Tidspunkt (time): ${formatOsloInstant(input.signedAt)}`,
    `Vurderingsversjon (assessment version): ${input.assessmentVersion}${input.finalisedAt ? `, ferdigstilt (finalised) ${formatOsloInstant(input.finalisedAt)}` : ''}`,
    ...(input.auditHead
      ? [`Revisjonslogg ved eksport (audit log head at export): oppføring (entry) ${input.auditHead.seq}, SHA-256 ${input.auditHead.hash}`]
      : []),
    'Signaturen er en PAdES B-B-signatur i dokumentet; kontroller den med «vurder verify», pdfsig eller Adobe Reader.',
    '(The PAdES B-B signature is embedded in this file; check it with "vurder verify", pdfsig or Adobe Reader.)',
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
        keywords: [input.scheme.id, input.application.id, 'vurdering', 'assessment'],
        language: 'nb-NO',
      },
      created: input.signedAt,
      footer: `Vurder · ${input.scheme.id} · søknad ${input.application.id} · ${input.assessor.name}`,
      signature: { reason: `Faglig vurdering av søknad ${input.application.id}`, name: input.assessor.name, email: input.assessor.email ?? '' },
    },
    (page) => writeBody(page, input),
  );
}
