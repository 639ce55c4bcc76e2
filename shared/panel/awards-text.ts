// One line per award-list problem in nb and en, for `vurder awards check` and the panel's screens and documents.
import type { LocalizedText } from '../i18n/localized';
import { formatKroner } from '../money/kroner';
import type { AwardProblem } from './awards';
import { OUTLIER_FACTOR } from './awards';

// The median of an even count can fall on half a krone; shown rounded (the check itself compares exactly).
function medianText(median: number, lang: 'nb' | 'en'): string {
  return formatKroner(Math.round(median), lang);
}

export function describeAwardProblem(problem: AwardProblem): LocalizedText {
  switch (problem.kind) {
    case 'duplicate':
      return {
        nb: `Linje ${problem.lines.join(', ')}: samme søker og prosjekttittel flere ganger («${problem.applicant}», «${problem.projectTitle}»).`,
        en: `Lines ${problem.lines.join(', ')}: the same applicant and project title more than once ("${problem.applicant}", "${problem.projectTitle}").`,
      };
    case 'amount-outlier': {
      const nbSide = problem.direction === 'below' ? `under medianen ÷ ${OUTLIER_FACTOR}` : `over medianen × ${OUTLIER_FACTOR}`;
      const enSide = problem.direction === 'below' ? `below the median ÷ ${OUTLIER_FACTOR}` : `above the median × ${OUTLIER_FACTOR}`;
      return {
        nb: `Linje ${problem.line}: ${formatKroner(problem.amount)} er ${nbSide} i SO${problem.focusArea} (median ${medianText(problem.median, 'nb')}).`,
        en: `Line ${problem.line}: ${formatKroner(problem.amount, 'en')} is ${enSide} in SO${problem.focusArea} (median ${medianText(problem.median, 'en')}).`,
      };
    }
    case 'pool-exceeded':
      return problem.withRelease
        ? {
            nb: `Potten «${problem.poolId}» er overskredet med ${formatKroner(problem.over)} også om alle ubrukte reserverte midler frigis (${formatKroner(problem.used)} av ${formatKroner(problem.available)}).`,
            en: `The pool "${problem.poolId}" is exceeded by ${formatKroner(problem.over, 'en')} even with every unused reserve released (${formatKroner(problem.used, 'en')} of ${formatKroner(problem.available, 'en')}).`,
          }
        : {
            nb: `Potten «${problem.poolId}» er overskredet med ${formatKroner(problem.over)} (${formatKroner(problem.used)} av ${formatKroner(problem.available)}).`,
            en: `The pool "${problem.poolId}" is exceeded by ${formatKroner(problem.over, 'en')} (${formatKroner(problem.used, 'en')} of ${formatKroner(problem.available, 'en')}).`,
          };
    case 'total-exceeded':
      return {
        nb: `Summen ${formatKroner(problem.used)} er over rammen ${formatKroner(problem.total)} med ${formatKroner(problem.over)}.`,
        en: `The sum ${formatKroner(problem.used, 'en')} exceeds the budget ${formatKroner(problem.total, 'en')} by ${formatKroner(problem.over, 'en')}.`,
      };
    case 'unknown-applicant':
      return problem.reason === 'not-a-municipality'
        ? { nb: `Linje ${problem.line}: «${problem.applicant}» er ikke en kommune eller kommunal enhet.`, en: `Line ${problem.line}: "${problem.applicant}" is not a municipality or a municipal unit.` }
        : { nb: `Linje ${problem.line}: «${problem.applicant}» nevner ingen kommune i kommuneregisteret (2020).`, en: `Line ${problem.line}: "${problem.applicant}" names no municipality in the municipality register (2020).` };
    case 'focus-area-without-pool':
      return { nb: `Linje ${problem.line}: satsingsområde ${problem.focusArea} hører ikke til noen pott i ordningen.`, en: `Line ${problem.line}: focus area ${problem.focusArea} belongs to no pool of the scheme.` };
  }
}
