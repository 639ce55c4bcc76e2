// The generated application PDF of a demo package: the application form as an applicant would have sent it.
// pdf-lib with a subset DejaVu Sans (æøå, non-breaking spaces); fixed dates and font tag keep the bytes deterministic.
import type { PDFFont, PDFPage } from 'pdf-lib';
import { PDFDocument, rgb } from 'pdf-lib';
import { cachedFontkit } from '../pdf/fontkit-cache';
import { shareFontProgram } from '../pdf/font-program-cache';
import { useNativeDeflate } from '../pdf/native-deflate';
import type { ApplicationPackage, Partner } from '../../../shared/package/schema';

export interface DemoFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const FOCUS_AREA_TITLES: Record<number, string> = {
  1: 'Satsingsområde 1 – Lengre kvalifiseringsløp (år 4)',
  2: 'Satsingsområde 2 – Arbeidsrettet kvalifisering i samarbeid med sosiale entreprenører',
  3: 'Satsingsområde 3 – Utprøving av arbeidsmåter i norskopplæringen',
  4: 'Satsingsområde 4 – Kvalitet i innhold i introduksjonsprogrammet',
  5: 'Satsingsområde 5 – Tiltak som gir psykisk støtte',
  6: 'Satsingsområde 6 – Innovative løsninger i introduksjonsordningen',
};

const PARTNER_KINDS: Record<Partner['kind'], string> = {
  'social-entrepreneur': 'sosial entreprenør',
  'voluntary-organisation': 'frivillig organisasjon',
  university: 'universitet',
  college: 'høgskole',
  nav: 'NAV',
  county: 'fylkeskommune',
  'health-service': 'helsetjeneste',
  employer: 'arbeidsgiver',
  other: 'annen',
};

const ORG_FORMS: Record<NonNullable<Partner['orgForm']>, string> = {
  AS: 'AS',
  stiftelse: 'stiftelse',
  'frivillig-organisasjon': 'frivillig organisasjon',
  SA: 'SA',
  ANS: 'ANS',
  ENK: 'ENK',
  'kommunalt-foretak': 'kommunalt foretak',
  other: 'annen organisasjonsform',
};

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const kroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
const yesNo = (value: boolean | undefined): string => (value === undefined ? '–' : value ? 'Ja' : 'Nei');
const norwegianDate = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

class Writer {
  private page: PDFPage;
  private y = PAGE.height - PAGE.margin;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = this.addPage();
  }

  private addPage(): PDFPage {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.margin;
    return this.page;
  }

  private ensure(height: number): void {
    if (this.y - height < PAGE.margin + 20) this.addPage();
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    // Word widths are summed rather than measuring each growing line: fontkit layout is the slow part.
    const space = font.widthOfTextAtSize(' ', size);
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const wordWidth = font.widthOfTextAtSize(word, size);
      if (line && lineWidth + space + wordWidth > width) {
        lines.push(line);
        line = word;
        lineWidth = wordWidth;
      } else {
        lineWidth = line ? lineWidth + space + wordWidth : wordWidth;
        line = line ? `${line} ${word}` : word;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  text(text: string, options: { size?: number; bold?: boolean; indent?: number; gapAfter?: number } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    for (const line of this.wrap(text, font, size, PAGE.width - 2 * PAGE.margin - indent)) {
      this.ensure(size * 1.4);
      this.page.drawText(line, { x: PAGE.margin + indent, y: this.y - size, size, font });
      this.y -= size * 1.4;
    }
    this.y -= options.gapAfter ?? 4;
  }

  heading(text: string): void {
    this.ensure(40);
    this.y -= 8;
    this.text(text, { size: 12.5, bold: true, gapAfter: 2 });
  }

  fields(rows: readonly [string, string][]): void {
    for (const [label, value] of rows) {
      this.ensure(14);
      this.page.drawText(label, { x: PAGE.margin, y: this.y - 10, size: 10, font: this.bold });
      const lines = this.wrap(value, this.regular, 10, PAGE.width - 2 * PAGE.margin - 170);
      for (const line of lines) {
        this.ensure(14);
        this.page.drawText(line, { x: PAGE.margin + 170, y: this.y - 10, size: 10, font: this.regular });
        this.y -= 14;
      }
    }
    this.y -= 4;
  }

  table(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): void {
    const draw = (cells: readonly string[], font: PDFFont): void => {
      this.ensure(14);
      let x = PAGE.margin;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 60;
        // Numbers right-aligned in all but the first column.
        const offset = i === 0 ? 0 : width - 6 - font.widthOfTextAtSize(cell, 9);
        this.page.drawText(cell, { x: x + offset, y: this.y - 9, size: 9, font });
        x += width;
      });
      this.y -= 14;
    };
    draw(headers, this.bold);
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y + 3 },
      end: { x: PAGE.margin + widths.reduce((a, b) => a + b, 0), y: this.y + 3 },
      thickness: 0.5,
      color: rgb(0.4, 0.4, 0.4),
    });
    for (const row of rows) draw(row, this.regular);
    this.y -= 4;
  }
}

export async function renderApplicationPdf(application: ApplicationPackage, fonts: DemoFonts): Promise<Uint8Array> {
  // The fast text path of the assessment PDFs (issue 13.5): fonts parsed once per process, glyphs looked up per
  // code point instead of full OpenType shaping, font programs shared across documents, zlib for the streams.
  useNativeDeflate();
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachedFontkit);
  // A fixed subset tag instead of pdf-lib's random one: the same input gives the same bytes.
  const regular = await doc.embedFont(fonts.regular, { subset: true, customName: 'VURDEM+DejaVuSans' });
  const bold = await doc.embedFont(fonts.bold, { subset: true, customName: 'VURDEM+DejaVuSans-Bold' });
  shareFontProgram(regular);
  shareFontProgram(bold);
  const submitted = new Date(application.submittedAt);
  doc.setTitle(`Søknad – ${application.project.title}`);
  doc.setAuthor(application.applicant.unitName ? `${application.applicant.name}, ${application.applicant.unitName}` : application.applicant.name);
  doc.setSubject('Tilskudd til utvikling av kommunale integreringstiltak 2021 (demodata)');
  doc.setCreator('Vurder demo');
  doc.setProducer('Vurder demo (pdf-lib)');
  doc.setLanguage('nb-NO');
  doc.setCreationDate(submitted);
  doc.setModificationDate(submitted);

  const w = new Writer(doc, regular, bold);
  const { applicant, project } = application;
  w.text('Søknad om tilskudd til utvikling av kommunale integreringstiltak 2021', { size: 15, bold: true, gapAfter: 2 });
  w.text(`Søknadsnummer ${application.applicationId} · sendt ${dateTime.format(submitted)}`, { size: 9, gapAfter: 10 });

  w.heading('1. Søker');
  w.fields([
    ['Kommune', applicant.name],
    ...(applicant.unitName ? ([['Enhet', applicant.unitName]] as [string, string][]) : []),
    ['Organisasjonsnummer', applicant.organisationNumber],
    ['Kommunenummer', applicant.municipalityNumber],
    ['Kontaktperson', `${applicant.contact.name}, ${applicant.contact.email}${applicant.contact.phone ? `, ${applicant.contact.phone}` : ''}`],
    ['Samarbeidskommuner', application.partnerMunicipalities.map((m) => m.name).join(', ') || 'Ingen'],
  ]);

  w.heading('2. Prosjekt');
  w.fields([
    ['Prosjekttittel', project.title],
    ['Satsingsområde', FOCUS_AREA_TITLES[application.focusArea] ?? String(application.focusArea)],
    ['Periode', `${norwegianDate(project.startDate)} – ${norwegianDate(project.endDate)}`],
    ['Prioriterte temaer', project.priorityThemes.join(', ') || '–'],
    ['Utenfor introduksjonsloven', `${yesNo(project.outsideIntroductionAct)} (unntak søkt: ${yesNo(project.exemptionRequested)})`],
  ]);
  w.text(project.summary);
  w.text('Mål', { bold: true, gapAfter: 0 });
  for (const goal of project.goals) w.text(`• ${goal}`, { indent: 8, gapAfter: 0 });
  w.text('', { gapAfter: 2 });
  w.text('Målgruppe', { bold: true, gapAfter: 0 });
  w.text(project.targetGroup);

  w.heading('3. Deltakere');
  w.text(`Antall deltakere: ${application.participants.count}`);
  const list = application.participants.list;
  if (list) {
    w.table(
      ['Deltaker', 'Født', 'Kjønn', 'Annen stønad', 'År 3 fullført'],
      list.map((p) => [p.id, norwegianDate(p.birthDate), p.gender === 'female' ? 'Kvinne' : 'Mann', yesNo(p.otherStipend), p.introYear3CompletedOn ? norwegianDate(p.introYear3CompletedOn) : '–']),
      [80, 90, 70, 90, 100],
    );
  }

  w.heading('4. Budsjett (kroner)');
  w.table(
    ['År', 'Totalkostnad', 'Egenandel', 'Omsøkt', 'Annen finans.', 'Herav stønad'],
    application.budget.map((y) => [String(y.year), ...[y.totalCost, y.ownContribution, y.requestedGrant, y.otherFunding, y.stipendRequested].map((n) => kroner.format(n))]),
    [40, 90, 85, 85, 95, 88],
  );

  w.heading('5. Samarbeidspartnere');
  if (application.partners.length === 0) w.text('Ingen');
  for (const p of application.partners) {
    const details = [
      PARTNER_KINDS[p.kind],
      p.orgForm && p.orgForm !== 'frivillig-organisasjon' ? ORG_FORMS[p.orgForm] : undefined,
      p.organisationNumber ? `org.nr. ${p.organisationNumber}` : undefined,
      p.noDividendInStatutes === undefined ? undefined : `utbytte forbudt i vedtektene: ${yesNo(p.noDividendInStatutes)}`,
    ];
    w.text(`• ${p.name} (${details.filter(Boolean).join(', ')})`, { indent: 8, gapAfter: 0 });
    if (p.businessModel) w.text(`Forretningsmodell: ${p.businessModel}`, { indent: 18, gapAfter: 0 });
    if (p.socialMission) w.text(`Sosialt formål: ${p.socialMission}`, { indent: 18, gapAfter: 0 });
  }
  if (application.supervisor) {
    const s = application.supervisor;
    w.text(`Veileder: ${s.name}, ${s.institution} (finansiert i budsjettet: ${yesNo(s.financedInBudget)}; deltok i søknaden: ${yesNo(s.involvedInApplication)})`, { gapAfter: 0 });
  }
  if (application.delivery) {
    const d = application.delivery;
    w.text(`Gjennomføring: klasserom ${yesNo(d.classroom)}, nett ${yesNo(d.online)}, veiledningsressurser for lærere ${yesNo(d.teacherGuidance)}`, { gapAfter: 0 });
  }
  if (application.health) {
    const h = application.health;
    w.text(
      `Helse: tverrfaglig samarbeid ${yesNo(h.interdisciplinary)}, etter henvisning fra lege ${yesNo(h.referralBased)}, Helsedirektoratets veileder ${yesNo(h.usesHelsedirektoratetGuide)}${h.workOrientedModel ? `, modell: ${h.workOrientedModel}` : ''}`,
      { gapAfter: 0 },
    );
  }

  w.heading('6. Tidligere relevante prosjekter');
  for (const p of application.previousProjects) {
    w.text(`• ${p.title} (${p.year}${p.fundedBy ? `, finansiert av ${p.fundedBy}` : ''})`, { indent: 8, gapAfter: 0 });
    w.text(`${p.description}${p.outcome ? ` Resultat: ${p.outcome}` : ''}`, { indent: 18, gapAfter: 2 });
  }

  w.heading('7. Evaluering og spredning');
  w.text(application.evaluationPlan);

  const total = w.pages.length;
  w.pages.forEach((page, index) => {
    const footer = `Demodata generert av Vurder – ikke en ekte søknad · Side ${index + 1} av ${total}`;
    page.drawText(footer, { x: PAGE.margin, y: PAGE.margin - 24, size: 8, font: regular, color: rgb(0.35, 0.35, 0.35) });
  });
  return doc.save({ useObjectStreams: true });
}
