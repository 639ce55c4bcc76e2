// `vurder consensus set <ws> <applicationId> [--criterion ID (--score N | --computed | --clear)]
//   [--eligibility eligible|ineligible|clear] [--amount N|clear] [--acknowledge too-few-assessments|version-conflict|untrusted-input] --justification "…" [--by NAME]`
// `vurder consensus set <ws> --from consensus.json [--by NAME]` (an array of changes, all-or-nothing).
// Exit 0 saved · 1 refused (nothing saved) · 2 bad usage or unreadable input (docs/panel.md § Consensus).
import { readUserFile } from '../../services/input/user-file';
import { ServiceError } from '../../services/workspace/errors';
import { resolve } from 'node:path';
import { formatErrorLine } from '../../../shared/errors/format';
import type { Language } from '../../../shared/i18n/localized';
import type { ConsensusChange } from '../../../shared/panel/types';
import { acknowledgeableFlagKindSchema } from '../../../shared/panel/types';
import { setConsensus } from '../../services/panel/consensus-store';
import type { ParsedArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { IDENTITY_OPTIONS, OptionProblem, openPanelForCli } from './panel-options';
import { errorLine, parseWithLang, usageError } from './workspace';

const USAGE =
  'vurder consensus set <panelmappe|panel-dir> <søknad-id> [--criterion ID (--score N | --computed | --clear)] [--eligibility eligible|ineligible|clear] [--amount N|clear] [--acknowledge too-few-assessments|version-conflict|untrusted-input] --justification "…" [--by NAVN] | vurder consensus set <panelmappe|panel-dir> --from konsensus.json [--by NAVN]';

function last(parsed: ParsedArgs, name: string): string | undefined {
  return parsed.strings.get(name)?.at(-1);
}

/** One change from the options; the store checks scale, justification length and the application. */
function changeFromOptions(applicationId: string, parsed: ParsedArgs): ConsensusChange {
  const justification = last(parsed, 'justification') ?? '';
  const change: ConsensusChange = { applicationId };
  const criterion = last(parsed, 'criterion');
  const score = last(parsed, 'score');
  const ways = [score !== undefined, parsed.booleans.has('computed'), parsed.booleans.has('clear')].filter(Boolean).length;
  if (criterion !== undefined) {
    if (ways !== 1) throw new OptionProblem('--criterion trenger nøyaktig én av --score N, --computed eller --clear', '--criterion needs exactly one of --score N, --computed or --clear');
    if (score !== undefined && !/^-?\d+$/.test(score)) throw new OptionProblem(`--score må være et helt tall, ikke «${score}»`, `--score must be a whole number, not "${score}"`);
    const value = score !== undefined ? Number(score) : parsed.booleans.has('computed') ? ('computed' as const) : null;
    change.criteria = [{ criterionId: criterion as 'feasibility', score: value, justification }];
  } else if (ways > 0) {
    throw new OptionProblem('--score, --computed og --clear hører til --criterion', '--score, --computed and --clear belong to --criterion');
  }
  const eligibility = last(parsed, 'eligibility');
  if (eligibility !== undefined) {
    if (!['eligible', 'ineligible', 'clear'].includes(eligibility)) throw new OptionProblem(`--eligibility kan ikke være «${eligibility}»; bruk eligible | ineligible | clear`, `--eligibility cannot be "${eligibility}"; use eligible | ineligible | clear`);
    change.eligibility = { verdict: eligibility === 'clear' ? null : (eligibility as 'eligible' | 'ineligible'), justification };
  }
  const acknowledge = last(parsed, 'acknowledge');
  if (acknowledge !== undefined) {
    const kind = acknowledgeableFlagKindSchema.safeParse(acknowledge);
    if (!kind.success) {
      const kinds = acknowledgeableFlagKindSchema.options.join(' | ');
      throw new OptionProblem(`--acknowledge kan ikke være «${acknowledge}»; bruk ${kinds}`, `--acknowledge cannot be "${acknowledge}"; use ${kinds}`);
    }
    change.acknowledge = { kind: kind.data, justification };
  }
  const amount = last(parsed, 'amount');
  if (amount !== undefined) {
    const cleaned = amount.replace(/[\s\u00a0]/g, '');
    if (cleaned !== 'clear' && !/^\d+$/.test(cleaned)) throw new OptionProblem(`--amount må være hele kroner eller clear, ikke «${amount}»`, `--amount must be whole kroner or clear, not "${amount}"`);
    change.amount = { firstYearAmount: cleaned === 'clear' ? null : Number(cleaned), justification };
  }
  return change;
}

/** A batch of consensus changes for a whole round is well under this. */
const BATCH_FILE_LIMIT = 16 * 1024 * 1024;

async function readBatch(path: string, shown: string): Promise<unknown[]> {
  let json: unknown;
  try {
    // A regular file under the limit only (issue 8 point 3): a FIFO or /dev/zero is refused at once.
    json = JSON.parse((await readUserFile(path, BATCH_FILE_LIMIT)).toString('utf8'));
  } catch (error) {
    if (error instanceof ServiceError) throw new OptionProblem(error.toLine('nb'), error.toLine('en'));
    const detail = error instanceof SyntaxError ? 'not valid JSON' : ((error as NodeJS.ErrnoException).code ?? 'error');
    throw new OptionProblem(`${shown}: kan ikke leses (${detail})`, `${shown}: cannot be read (${detail})`);
  }
  if (!Array.isArray(json)) throw new OptionProblem(`${shown}: må være en liste (JSON-array) med endringer`, `${shown}: must be a list (JSON array) of changes`);
  return json;
}

function describe(lang: Language, count: number): string {
  return lang === 'nb' ? `Konsensus lagret for ${count} søknad(er).\n` : `Consensus saved for ${count} application(s).\n`;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseWithLang(
    args,
    { ...IDENTITY_OPTIONS, criterion: 'string', score: 'string', computed: 'boolean', clear: 'boolean', eligibility: 'string', amount: 'string', acknowledge: 'string', justification: 'string', from: 'string', by: 'string' },
    io,
  );
  if (!options) return 2;
  const { parsed, lang } = options;
  const [sub, dir, applicationId, ...extra] = parsed.positionals;
  const from = last(parsed, 'from');
  if (sub !== 'set' || dir === undefined || extra.length > 0 || (from === undefined) === (applicationId === undefined)) {
    io.stderr(`vurder consensus: ${formatErrorLine(usageError(USAGE), lang)}\n`);
    return 2;
  }
  let changes: unknown[];
  try {
    changes = from !== undefined ? await readBatch(resolve(io.cwd, from), from) : [changeFromOptions(applicationId ?? '', parsed)];
  } catch (thrown) {
    if (!(thrown instanceof OptionProblem)) throw thrown;
    io.stderr(`vurder consensus: ${lang === 'nb' ? thrown.nb : thrown.en}\n`);
    return 2;
  }
  const opened = await openPanelForCli(dir, io, lang, 'consensus', parsed);
  if (!opened.ok) return opened.error;
  try {
    const by = last(parsed, 'by');
    const saved = await setConsensus(opened.value, changes, by === undefined ? {} : { by });
    io.stdout(describe(lang, saved.length));
    return 0;
  } catch (thrown) {
    io.stderr(`vurder consensus: ${errorLine(thrown, lang, from ?? applicationId)}\n`);
    return 1;
  }
}

export const consensusCommand: CliCommand = { run };
