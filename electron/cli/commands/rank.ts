// `vurder rank <ws> [--json]` and `vurder allocate <ws> [--json] [--release-reserve SO1,SO2,SO5|none]
// [--shortfall skip|offer-remainder]` (docs/cli.md § Panel round). The maths is panelmath's
// (shared/panel/ranking.ts, allocation.ts); the inputs are the snapshot's consensus. allocate's options apply
// to this run only; `vurder panel settings` stores the round's choice. Exit 0 · 2 bad usage or unreadable.
import { formatErrorLine } from '../../../shared/errors/format';
import type { Language } from '../../../shared/i18n/localized';
import { formatKroner } from '../../../shared/money/kroner';
import type { AllocationOutcome, AllocationResult } from '../../../shared/panel/allocation';
import type { ExclusionReason, RankingResult } from '../../../shared/panel/ranking';
import { readPanelSnapshotOf } from '../../services/panel/snapshot';
import type { OptionType } from '../args';
import type { CliCommand, CliIo } from '../command';
import { IDENTITY_OPTIONS, openPanelForCli, releasedPools } from './panel-options';
import { errorLine, parseWithLang, usageError } from './workspace';

const TIE_WORDS = {
  feasibility: { nb: 'gjennomføringsevne', en: 'feasibility' },
  transferValue: { nb: 'overføringsverdi', en: 'transfer value' },
  firstYearRequest: { nb: 'lavere søknad for første år', en: 'lower first-year request' },
  applicationId: { nb: 'søknadsnummer', en: 'application id' },
} as const;

function exclusion(reason: ExclusionReason, lang: Language): string {
  switch (reason.kind) {
    case 'consensus-missing':
      return lang === 'nb' ? `mangler konsensus (${reason.missing.join(', ')})` : `no consensus yet (${reason.missing.join(', ')})`;
    case 'ineligible':
      return lang === 'nb' ? `ikke kvalifisert${reason.failedRuleIds.length > 0 ? ` (${reason.failedRuleIds.join(', ')})` : ''}` : `ineligible${reason.failedRuleIds.length > 0 ? ` (${reason.failedRuleIds.join(', ')})` : ''}`;
    case 'below-threshold':
      return lang === 'nb' ? `${reason.criterionId} ${reason.score} er under terskelen ${reason.threshold}` : `${reason.criterionId} ${reason.score} is below the threshold ${reason.threshold}`;
  }
}

export function renderRanking(ranking: RankingResult, lang: Language): string {
  const lines: string[] = [];
  for (const area of ranking.focusAreas) {
    lines.push(`SO${area.focusArea}`);
    if (area.ranked.length === 0) lines.push(lang === 'nb' ? '  (ingen rangert)' : '  (none ranked)');
    for (const entry of area.ranked) {
      const tie = entry.tieWithPrevious ? `  [${lang === 'nb' ? 'likt med' : 'tied with'} ${entry.tieWithPrevious.applicationId}: ${TIE_WORDS[entry.tieWithPrevious.decidedBy][lang]}]` : '';
      lines.push(`  ${entry.rank}. ${entry.applicationId}  ${entry.totalExact} (${entry.scores.feasibility}/${entry.scores.transferValue})${tie}`);
    }
  }
  if (ranking.excluded.length > 0) {
    lines.push(lang === 'nb' ? 'Ikke rangert:' : 'Not ranked:');
    for (const entry of ranking.excluded) lines.push(`  ${entry.applicationId} (SO${entry.focusArea}): ${entry.reasons.map((reason) => exclusion(reason, lang)).join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same words as the app's ranking screen (renderer i18n panel.ranking.outcomes). */
const OUTCOME_WORDS: Record<AllocationOutcome, Record<Language, string>> = {
  granted: { nb: 'tildelt', en: 'allocated' },
  partial: { nb: 'tilbudt resten', en: 'offered the remainder' },
  skipped: { nb: 'hoppet over', en: 'skipped' },
  'pool-empty': { nb: 'potten er tom', en: 'pool empty' },
  'no-amount': { nb: 'ikke noe beløp', en: 'no amount' },
};

export function renderAllocation(result: AllocationResult, lang: Language): string {
  const kr = (amount: number) => formatKroner(amount, lang);
  const lines: string[] = [lang === 'nb' ? `Ved for lite igjen: ${result.noFit === 'skip' ? 'hopp over' : 'tilby resten'}` : `When it does not fit: ${result.noFit}`];
  for (const pool of result.pools) {
    const moved = pool.releasedIn > 0 ? ` (+${kr(pool.releasedIn)} ${lang === 'nb' ? 'frigitt inn' : 'released in'})` : pool.releasedOut > 0 ? ` (−${kr(pool.releasedOut)} ${lang === 'nb' ? 'frigitt ut' : 'released out'})` : '';
    lines.push(`${pool.poolId}${pool.reserved ? (lang === 'nb' ? ' (forbeholdt)' : ' (reserved)') : ''}: ${kr(pool.amount)}${moved}; ${lang === 'nb' ? 'fordelt' : 'allocated'} ${kr(pool.allocated)}, ${lang === 'nb' ? 'igjen' : 'left'} ${kr(pool.left)}`);
    for (const line of result.lines.filter((candidate) => candidate.poolId === pool.poolId)) {
      const later = line.commitments.map((commitment) => `${commitment.year}: ${kr(commitment.amount)}`).join(', ');
      lines.push(`  ${line.applicationId} SO${line.focusArea}: ${OUTCOME_WORDS[line.outcome][lang]} ${kr(line.granted)} (${lang === 'nb' ? 'første år' : 'first year'} ${kr(line.requested)})${later ? `; ${later} ${lang === 'nb' ? 'med forbehold om Stortingets bevilgning' : 'subject to the Storting’s budget'}` : ''}`);
    }
  }
  for (const effect of result.releaseEffect) {
    lines.push(lang === 'nb' ? `Frigjøring endrer ${effect.applicationId}: ${kr(effect.withoutRelease)} → ${kr(effect.withRelease)}` : `Release changes ${effect.applicationId}: ${kr(effect.withoutRelease)} → ${kr(effect.withRelease)}`);
  }
  lines.push(`${lang === 'nb' ? 'Totalt fordelt' : 'Total allocated'}: ${kr(result.totalAllocated)} ${lang === 'nb' ? 'av' : 'of'} ${kr(result.budgetTotal)}`);
  return `${lines.join('\n')}\n`;
}

function roundCommand(kind: 'rank' | 'allocate'): CliCommand {
  const usage = kind === 'rank' ? 'vurder rank <panelmappe|panel-dir> [--json]' : 'vurder allocate <panelmappe|panel-dir> [--json] [--release-reserve SO1,SO2,SO5|none] [--shortfall skip|offer-remainder]';
  return {
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const spec: Readonly<Record<string, OptionType>> = kind === 'rank' ? { ...IDENTITY_OPTIONS, json: 'boolean' } : { ...IDENTITY_OPTIONS, json: 'boolean', 'release-reserve': 'string', shortfall: 'string' };
      const options = parseWithLang(args, spec, io);
      if (!options) return 2;
      const { parsed, lang } = options;
      const [dir, ...extra] = parsed.positionals;
      const shortfall = parsed.strings.get('shortfall')?.at(-1);
      if (dir === undefined || extra.length > 0 || (shortfall !== undefined && shortfall !== 'skip' && shortfall !== 'offer-remainder')) {
        io.stderr(`vurder ${kind}: ${formatErrorLine(usageError(usage), lang)}\n`);
        return 2;
      }
      const opened = await openPanelForCli(dir, io, lang, kind, parsed);
      if (!opened.ok) return opened.error;
      const ws = opened.value;
      try {
        const release = parsed.strings.get('release-reserve')?.at(-1);
        // Checked first: a pool that does not exist is a clear error before anything is computed.
        const releasedReserves = release === undefined ? undefined : releasedPools(ws, release);
        const snapshot = await readPanelSnapshotOf(ws, { agreementResamples: 0, settingsOverride: { ...(releasedReserves ? { releasedReserves } : {}), ...(shortfall ? { allocationShortfall: shortfall } : {}) } });
        const json = parsed.booleans.has('json');
        if (kind === 'rank') {
          io.stdout(json ? `${JSON.stringify(snapshot.ranking, null, 2)}\n` : renderRanking(snapshot.ranking, lang));
          return 0;
        }
        if (!snapshot.allocation) {
          io.stderr(`vurder allocate: ${dir}: ${snapshot.allocationProblem?.[lang] ?? ''}\n`);
          return 1;
        }
        io.stdout(json ? `${JSON.stringify(snapshot.allocation, null, 2)}\n` : renderAllocation(snapshot.allocation, lang));
        return 0;
      } catch (thrown) {
        io.stderr(`vurder ${kind}: ${errorLine(thrown, lang, dir)}\n`);
        return 2;
      }
    },
  };
}

export const rankCommand = roundCommand('rank');
export const allocateCommand = roundCommand('allocate');
