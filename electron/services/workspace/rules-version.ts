// The rule-catalogue version the workspace index is keyed on: a hash of every rule's definition, with its
// evaluate function's source text, so a changed rule (id, severity, text or its top-level logic) makes every
// cached summary stale. A change only inside a helper a rule calls is not seen here: such a change must bump
// RULES_REVISION (docs/workspace.md § Workspace index).
import { ruleCatalogue } from '../../../shared/rules/catalogue';
import { sha256Hex } from '../hash/sha256';

/** Bump when rule behaviour changes in a way the catalogue's own text and functions do not show. */
export const RULES_REVISION = 1;

let cached: string | null = null;

export function rulesVersion(): string {
  if (cached === null) {
    const described = ruleCatalogue.map((rule) => ({ ...rule, evaluate: rule.evaluate.toString() }));
    cached = sha256Hex(JSON.stringify([RULES_REVISION, described]));
  }
  return cached;
}
