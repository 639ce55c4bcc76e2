// `vurder awards check <list.csv|.xlsx> [--scheme <id|file>] [--json] [--lang nb|en]`: the award-list checks
// of docs/panel.md § Award-list checks on a list in the format of docs/award-list-format.md.
// Exit 0 no problems, 1 problems found (including unreadable cells), 2 unreadable file or bad usage.
import { resolve } from 'node:path';
import { formatErrorLine } from '../../../shared/errors/format';
import type { Language, LocalizedText } from '../../../shared/i18n/localized';
import { formatKroner } from '../../../shared/money/kroner';
import type { AwardCheck, AwardProblem } from '../../../shared/panel/awards';
import { checkAwardList } from '../../../shared/panel/awards';
import { describeAwardProblem } from '../../../shared/panel/awards-text';
import type { AwardCellProblem, AwardList } from '../../services/panel/award-list';
import { readAwardList } from '../../services/panel/award-list';
import { loadScheme } from '../../services/workspace/workspace';
import type { CliCommand, CliIo } from '../command';
import { errorLine, parseWithLang, schemeChoice, usageError } from './workspace';

const USAGE = 'vurder awards check <liste.csv|liste.xlsx> [--scheme <id|fil.json>] [--json] [--lang nb|en]';

/** The stable `--json` output, documented in docs/cli.md. Fields are only ever added, never renamed. */
export interface AwardsCheckJson {
  file: string;
  schemeId: string;
  rows: number;
  ok: boolean;
  problems: (AwardProblem & { message: LocalizedText })[];
  cellProblems: AwardCellProblem[];
  sums: AwardCheck['sums'];
}

export function toAwardsJson(file: string, schemeId: string, list: AwardList, check: AwardCheck): AwardsCheckJson {
  return {
    file,
    schemeId,
    rows: list.rows.length,
    ok: check.problems.length === 0 && list.cellProblems.length === 0,
    problems: check.problems.map((problem) => ({ ...problem, message: describeAwardProblem(problem) })),
    cellProblems: list.cellProblems,
    sums: check.sums,
  };
}

const WORDS = {
  nb: { list: 'Tildelingsliste', scheme: 'ordning', rows: 'rader', areas: 'Sum per satsingsområde', pools: 'Potter', reserved: 'reservert', used: 'brukt', of: 'av', left: 'igjen', withRelease: 'med alle ubrukte reserver frigitt', total: 'Sum i alt', problems: 'Problemer', none: 'Ingen problemer funnet.', line: 'Linje' },
  en: { list: 'Award list', scheme: 'scheme', rows: 'rows', areas: 'Sum per focus area', pools: 'Pools', reserved: 'reserved', used: 'used', of: 'of', left: 'left', withRelease: 'with every unused reserve released', total: 'Total', problems: 'Problems', none: 'No problems found.', line: 'Line' },
} as const;

export function renderAwardsText(json: AwardsCheckJson, lang: Language): string {
  const w = WORDS[lang];
  const kr = (amount: number): string => formatKroner(amount, lang);
  const lines = [`${w.list}: ${json.file} (${w.scheme} ${json.schemeId}, ${json.rows} ${w.rows})`, '', `${w.areas}:`];
  for (const area of json.sums.byFocusArea) lines.push(`  SO${area.focusArea}  ${String(area.rows).padStart(3)} ${w.rows}  ${kr(area.amount).padStart(16)}`);
  lines.push('', `${w.pools}:`);
  for (const pool of json.sums.byPool) {
    const release = pool.availableWithRelease === pool.amount ? '' : `; ${w.withRelease}: ${kr(pool.availableWithRelease)}`;
    lines.push(`  ${pool.poolId} – ${pool.title[lang]}${pool.reserved ? ` (${w.reserved})` : ''}: ${w.used} ${kr(pool.used)} ${w.of} ${kr(pool.amount)}, ${w.left} ${kr(pool.left)}${release}`);
  }
  lines.push('', `${w.total}: ${kr(json.sums.total)} ${w.of} ${kr(json.sums.budget)}`, '');
  const count = json.problems.length + json.cellProblems.length;
  if (count === 0) lines.push(w.none);
  else {
    lines.push(`${w.problems} (${count}):`);
    for (const cell of json.cellProblems) lines.push(`  ! ${w.line} ${cell.line}: «${cell.value}»: ${cell.message[lang]}`);
    for (const problem of json.problems) lines.push(`  ! ${problem.message[lang]}`);
  }
  return `${lines.join('\n')}\n`;
}

async function check(file: string, schemeValue: string | undefined, json: boolean, lang: Language, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, file);
  let scheme;
  try {
    scheme = await loadScheme(schemeChoice(schemeValue, io.cwd));
  } catch (thrown) {
    io.stderr(`vurder awards: ${errorLine(thrown, lang, schemeValue)}\n`);
    return 2;
  }
  const list = await readAwardList(path);
  if (!list.ok) {
    io.stderr(`vurder awards: ${formatErrorLine(list.error, lang)}\n`);
    return 2;
  }
  const output = toAwardsJson(file, scheme.id, list.value, checkAwardList(list.value.rows, scheme));
  io.stdout(json ? `${JSON.stringify(output, null, 2)}\n` : renderAwardsText(output, lang));
  return output.ok ? 0 : 1;
}

export const awardsCommand: CliCommand = {
  async run(args, io) {
    const options = parseWithLang(args, { scheme: 'string', json: 'boolean' }, io);
    if (!options) return 2;
    const { parsed, lang } = options;
    const [sub, file, ...extra] = parsed.positionals;
    if (sub !== 'check' || file === undefined || extra.length > 0) {
      io.stderr(`vurder awards: ${formatErrorLine(usageError(USAGE), lang)}\n`);
      return 2;
    }
    return check(file, parsed.strings.get('scheme')?.at(-1), parsed.booleans.has('json'), lang, io);
  },
};
