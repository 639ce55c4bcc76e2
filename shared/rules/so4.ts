// Focus area 4 (SO4), quality of the introduction programme's content: R32–R34.
import { minimumParticipantsRule, priorityThemesOutcome, wordPattern } from './common';
import { pass } from './outcome';
import type { RuleDefinition } from './types';

export const r32 = minimumParticipantsRule('R32', 4);

export const r33: RuleDefinition = {
  id: 'R33',
  focusAreas: [4],
  title: { nb: 'Prioriterte innholdselementer', en: 'Priority content elements' },
  schemeText: 'Følgende innholdselementer prioriteres:',
  severity: 'priority',
  kind: 'auto-override',
  check:
    'Word stems of the four priority elements (livsmestring, bransjekurs, deltid, NAV/county cooperation) in project.priorityThemes, summary or goals → pass naming them; none → fail (priority).',
  evaluate: (context) =>
    priorityThemesOutcome(context, [
      { nb: 'livsmestring i et nytt land', en: 'life skills in a new country', patterns: [wordPattern('livsmestring'), wordPattern('life skill')] },
      { nb: 'korte bransjekurs', en: 'short industry courses', patterns: [wordPattern('bransjekurs'), wordPattern('industry course')] },
      { nb: 'arbeid på deltid', en: 'part-time work', patterns: [wordPattern('deltid'), wordPattern('part[- ]time')] },
      {
        nb: 'samarbeidsmodeller kommune–NAV–fylkeskommune',
        en: 'cooperation models municipality–NAV–county',
        // "NAV" as a whole word only: "navn" (name) must not count.
        patterns: [wordPattern('nav', true), wordPattern('fylkeskommun'), wordPattern('interkommunal'), wordPattern('county')],
      },
    ]),
};

export const r34: RuleDefinition = {
  id: 'R34',
  focusAreas: [4],
  title: { nb: 'IMDi kan kreve ekstra leveranser', en: 'IMDi may require extra deliverables' },
  schemeText: 'IMDi kan stille krav til leveranser fra prosjektet utover det som prosjektet har uttrykt i prosjektsøknaden.',
  severity: 'info',
  kind: 'auto',
  check:
    'Information.',
  evaluate: () =>
    pass(
      'Til informasjon: IMDi kan kreve leveranser utover søknaden; særskilte krav kommer i tilskuddsbrevet.',
      'For information: IMDi may require deliverables beyond the application; specific requirements come in the grant letter.',
    ),
};
