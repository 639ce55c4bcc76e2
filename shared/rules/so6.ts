// Focus area 6 (SO6), innovative solutions in the introduction scheme and language training: R40–R41.
import { minimumParticipantsRule, targetGroupReview } from './common';
import type { RuleDefinition } from './types';

export const r40 = minimumParticipantsRule('R40', 6);

export const r41: RuleDefinition = {
  id: 'R41',
  focusAreas: [6],
  title: { nb: 'Nyankomne etter introduksjonsloven prioriteres', en: 'Newly arrived under the Introduction Act prioritised' },
  schemeText: 'Nyankomne innvandrere som er omfattet av introduksjonsloven er en prioritert målgruppe.',
  severity: 'priority',
  kind: 'manual',
  check:
    'The assessor\'s judgement of project.targetGroup, quoted in the reason.',
  evaluate: (context) =>
    targetGroupReview(context, {
      nb: 'Saksbehandler vurderer om nyankomne omfattet av introduksjonsloven er med.',
      en: 'The assessor judges whether newly arrived immigrants under the Introduction Act are included.',
    }),
};
