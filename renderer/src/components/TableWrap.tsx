// A horizontally scrollable box for a table. Focusable and labelled, so keyboard users can scroll it when the
// table is wider than its column (WCAG 2.1.1; axe "scrollable-region-focusable").
import type { ReactNode } from 'react';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
