// Checks that several focus areas share: the participant minimum (R27, R32, R40), priority themes (R31, R33) and
// the stated target group put before the assessor (R09, R41).
import type { FocusAreaNumber } from '../package/schema';
import { fail, joinList, missingData, participantsText, pass, review } from './outcome';
import type { RuleContext, RuleDefinition, RuleOutcome } from './types';

/** The scheme's minimum for the focus area; the scheme text says 10 for SO3, SO4 and SO6. */
const DEFAULT_MINIMUM = 10;

function minimumParticipantsOutcome(context: RuleContext): RuleOutcome {
  const missing = missingData(context, ['participants.count']);
  if (missing) return missing;
  const definition = context.scheme.focusAreas.find((area) => area.id === context.application.focusArea);
  const minimum = definition?.minimumParticipants ?? DEFAULT_MINIMUM;
  const count = context.application.participants.count;
  const stated = participantsText(count);
  if (count < minimum) {
    return fail(`${stated.nb}, minimum er ${minimum}.`, `${stated.en}, the minimum is ${minimum}.`);
  }
  return pass(`${stated.nb}, minimum er ${minimum}.`, `${stated.en}, the minimum is ${minimum}.`);
}

/** One rule object per focus area (R27, R32, R40) for the same sentence, so each cites its own id. */
export function minimumParticipantsRule(id: 'R27' | 'R32' | 'R40', focusArea: FocusAreaNumber): RuleDefinition {
  return {
    id,
    focusAreas: [focusArea],
    title: { nb: 'Minimum 10 deltakere', en: 'At least 10 participants' },
    schemeText: 'Det er en forutsetning at prosjektet har minimum 10 deltakere.',
    severity: 'reject',
    kind: 'auto',
    check: "participants.count ≥ the focus area's minimumParticipants (10) → pass; otherwise fail, stating both numbers.",
    evaluate: minimumParticipantsOutcome,
  };
}

export interface PriorityTheme {
  nb: string;
  en: string;
  /** Word beginnings (or whole words) that identify the theme in the applicant's own wording. */
  patterns: readonly RegExp[];
}

/** Matches words starting with `stem` (or exactly `stem` when `whole`), case-insensitive, Norwegian letters included. */
export function wordPattern(stem: string, whole = false): RegExp {
  return new RegExp(`(?<!\\p{L})${stem}${whole ? '(?!\\p{L})' : ''}`, 'iu');
}

/**
 * Priority themes are informative (they never reject), so matching the applicant's stated themes and summary
 * against word stems is good enough; the assessor can override when the match is wrong.
 */
export function priorityThemesOutcome(context: RuleContext, themes: readonly PriorityTheme[]): RuleOutcome {
  const missing = missingData(context, ['project.priorityThemes', 'project.summary', 'project.goals']);
  if (missing) return missing;
  const { priorityThemes, summary, goals } = context.application.project;
  const haystack = [...priorityThemes, summary, ...goals].join(' ');
  const found = themes.filter((theme) => theme.patterns.some((pattern) => pattern.test(haystack)));
  const nb = (list: readonly PriorityTheme[]): string => joinList(list.map((theme) => `«${theme.nb}»`), 'nb');
  const en = (list: readonly PriorityTheme[]): string => joinList(list.map((theme) => `"${theme.en}"`), 'en');
  if (found.length === 0) {
    return fail(
      `Ingen av de prioriterte temaene (${nb(themes)}) er nevnt i temaer, sammendrag eller mål.`,
      `None of the priority themes (${en(themes)}) is named in the themes, summary or goals.`,
    );
  }
  return pass(`${found.length === 1 ? 'Prioritert tema' : 'Prioriterte temaer'}: ${nb(found)}.`, `${found.length === 1 ? 'Priority theme' : 'Priority themes'}: ${en(found)}.`);
}

/**
 * The applicant's stated target group, quoted (trailing full stop trimmed) for the assessor, who judges
 * whether the prioritised group is in it; `judgement` says which group, one sentence per language.
 */
export function targetGroupReview(context: RuleContext, judgement: { nb: string; en: string }): RuleOutcome {
  const missing = missingData(context, ['project.targetGroup']);
  if (missing) return missing;
  const target = context.application.project.targetGroup.trim().replace(/[.\s]+$/, '');
  return review(`Oppgitt målgruppe: «${target}». ${judgement.nb}`, `Stated target group: "${target}". ${judgement.en}`);
}
