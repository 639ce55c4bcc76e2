// The human form of `vurder panel status`: the applications × assessors matrix, then every flag with its
// state. (--json prints the snapshot's applications instead; docs/cli.md § panel status.)
import type { Language } from '../../../shared/i18n/localized';
import type { Flag, MergedAssessment, PanelApplication, PanelSnapshot } from '../../../shared/panel/types';

function cell(assessment: MergedAssessment | undefined, lang: Language): string {
  if (!assessment) return '–';
  const mark = assessment.trusted ? '' : '*';
  switch (assessment.status) {
    case 'conflict-of-interest':
      return `${lang === 'nb' ? 'inhabil' : 'conflict'}${mark}`;
    case 'version-conflict':
      return `${lang === 'nb' ? 'v-konflikt' : 'v-conflict'}${mark}`;
    case 'superseded':
    case 'included': {
      const score = (id: string) => assessment.scores.find((entry) => entry.criterionId === id)?.score ?? '–';
      const decision = { grant: 'G', reject: 'A', undecided: '?' }[assessment.recommendation.decision];
      const eligibility = { eligible: '', ineligible: '!', 'needs-review': '?' }[assessment.eligibility];
      return `${score('feasibility')}/${score('transferValue')}${decision}${eligibility}${mark}`;
    }
  }
}

function state(flag: Flag, lang: Language): string {
  switch (flag.settlement.state) {
    case 'open':
      return lang === 'nb' ? 'ÅPEN' : 'OPEN';
    case 'automatic':
      return lang === 'nb' ? 'automatisk' : 'automatic';
    case 'settled':
      return lang === 'nb' ? `avgjort: ${flag.settlement.justification ?? ''}` : `settled: ${flag.settlement.justification ?? ''}`;
  }
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : `${text}${' '.repeat(width - text.length)}`;
}

function consensusText(application: PanelApplication, lang: Language): string {
  const { consensus } = application;
  const scores = consensus.criteria.map((entry) => `${entry.value === null ? '–' : Number(entry.value.toFixed(2))}${entry.source === 'lead' ? 'L' : ''}`).join('/');
  const eligibility = { eligible: lang === 'nb' ? 'kvalifisert' : 'eligible', ineligible: lang === 'nb' ? 'ikke kvalifisert' : 'ineligible', unsettled: lang === 'nb' ? 'uavklart' : 'unsettled' }[consensus.eligibility.verdict];
  const amount = consensus.amount.firstYearAmount === null ? '–' : `${consensus.amount.firstYearAmount} kr`;
  return `${scores} · ${eligibility} · ${lang === 'nb' ? 'første år' : 'first year'} ${amount}`;
}

export function renderPanelStatus(snapshot: PanelSnapshot, lang: Language): string {
  const assessors = snapshot.assessors.map((assessor) => assessor.assessorId);
  const width = Math.max(14, ...snapshot.applications.map((application) => application.applicationId.length + 2));
  const columns = assessors.map((_, index) => `A${index + 1}`);
  const lines: string[] = [];
  lines.push(lang === 'nb' ? `Panel: ${snapshot.workspace.dir} (${snapshot.applications.length} søknader, ${snapshot.exchangeFiles.length} utvekslingsfiler)` : `Panel: ${snapshot.workspace.dir} (${snapshot.applications.length} applications, ${snapshot.exchangeFiles.length} exchange files)`);
  snapshot.assessors.forEach((assessor, index) => lines.push(`  A${index + 1} = ${assessor.name} (${assessor.assessorId})${assessor.trusted ? '' : lang === 'nb' ? ' * IKKE KLARERT' : ' * NOT TRUSTED'}`));
  lines.push(lang === 'nb' ? '  Celle: gjennomføringsevne/overføringsverdi, G innvilg, A avslå, ! ikke kvalifisert, * ikke klarert' : '  Cell: feasibility/transfer value, G grant, A reject, ! ineligible, * not trusted');
  lines.push('');
  lines.push(`${pad(lang === 'nb' ? 'Søknad' : 'Application', width)}SO  ${columns.map((column) => pad(column, 11)).join('')}${lang === 'nb' ? 'Flagg (åpne)' : 'Flags (open)'}  ${lang === 'nb' ? 'Konsensus' : 'Consensus'}`);
  for (const application of snapshot.applications) {
    const cells = assessors.map((id) => pad(cell(application.assessments.find((a) => a.assessorId === id), lang), 11)).join('');
    const open = application.flags.filter((flag) => flag.settlement.state === 'open').length;
    lines.push(`${pad(application.applicationId, width)}${application.focusArea}   ${cells}${pad(`${application.flags.length} (${open})`, 14)}${consensusText(application, lang)}`);
  }
  const flagged = snapshot.applications.filter((application) => application.flags.length > 0);
  if (flagged.length > 0) {
    lines.push('');
    lines.push(lang === 'nb' ? 'Flagg:' : 'Flags:');
    for (const application of flagged) {
      for (const flag of application.flags) lines.push(`  ${application.applicationId} [${flag.kind}${flag.criterionId ? ` ${flag.criterionId}` : ''}] ${flag.reason[lang]} — ${state(flag, lang)}`);
    }
  }
  lines.push('');
  lines.push(lang === 'nb' ? `${snapshot.flagCounts.total} flagg, ${snapshot.flagCounts.open} åpne` : `${snapshot.flagCounts.total} flags, ${snapshot.flagCounts.open} open`);
  return `${lines.join('\n')}\n`;
}
