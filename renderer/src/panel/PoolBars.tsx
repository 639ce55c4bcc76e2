// One bar per budget pool: allocated, left and released reserve, drawn as SVG (widths are attributes, so the
// strict CSP needs no inline style). The figures are also written out, so the bar is never the only carrier.
import { useTranslation } from 'react-i18next';
import type { PoolAllocation } from '../../../shared/panel/allocation';
import type { SchemeDefinition } from '../../../shared/scheme/schema';
import { kroner, uiLanguage } from '../format';

const WIDTH = 400;

export function PoolBars({ pools, scheme }: { pools: readonly PoolAllocation[]; scheme: SchemeDefinition }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  return (
    <ul className="pool-bars" data-testid="pool-bars">
      {pools.map((pool) => {
        const title = scheme.budget.pools.find((candidate) => candidate.id === pool.poolId)?.title[language] ?? pool.poolId;
        // What the pool can give after releases: its own amount, plus what came in, minus what went out.
        const available = pool.amount + pool.releasedIn - pool.releasedOut;
        const scale = Math.max(available, pool.amount, 1);
        const allocatedWidth = Math.round((pool.allocated / scale) * WIDTH);
        const releasedWidth = Math.round((pool.releasedIn / scale) * WIDTH);
        const text = t('panel.ranking.poolText', {
          allocated: kroner(pool.allocated),
          available: kroner(available),
          left: kroner(pool.left),
        });
        return (
          <li key={pool.poolId} data-pool={pool.poolId} data-allocated={pool.allocated} data-left={pool.left} data-released-in={pool.releasedIn} data-released-out={pool.releasedOut}>
            <span className="pool-title">
              {title}
              {pool.reserved ? ` (${t('panel.ranking.reserved')})` : ''}
            </span>
            <svg className="pool-bar" viewBox={`0 0 ${WIDTH} 16`} width={WIDTH} height="16" role="img" aria-label={text}>
              <rect className="pool-bar-total" x="0" y="0" width={WIDTH} height="16" />
              <rect className="pool-bar-released" x={WIDTH - releasedWidth} y="0" width={releasedWidth} height="16" />
              <rect className="pool-bar-allocated" x="0" y="0" width={Math.min(allocatedWidth, WIDTH)} height="16" />
            </svg>
            <span className="pool-figures">
              {text}
              {pool.releasedIn > 0 && ` · ${t('panel.ranking.releasedIn', { amount: kroner(pool.releasedIn) })}`}
              {pool.releasedOut > 0 && ` · ${t('panel.ranking.releasedOut', { amount: kroner(pool.releasedOut) })}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
