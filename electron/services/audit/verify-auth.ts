// The authentication part of verifyAuditLog: which entries carry a MAC the given keys verify, and which were
// added or rewritten by someone without the key (docs/security.md § Audit log authentication).
import type { AuditEntry, AuditHead } from './audit-log';
import { AUDIT_HEAD_FILE, AUDIT_LOG_FILE } from './audit-log';
import { macMatches } from './audit-key';
import type { AuditKey } from './audit-key';
import type { AuditProblem } from './verify';

export interface AuthenticationCheck {
  problems: AuditProblem[];
  authenticated?: { through: number; holder: string };
}

function describe(entry: AuditEntry): string {
  return `${String(entry.seq)} (${String(entry.action)} ${String(entry.subject)})`;
}

export function checkAuthentication(
  entries: readonly AuditEntry[],
  lineOf: (entry: AuditEntry) => number,
  head: AuditHead | undefined,
  keys: readonly AuditKey[],
): AuthenticationCheck {
  const known = new Map(keys.map((key) => [key.id, key]));
  const problems: AuditProblem[] = [];
  let through = 0;
  let holder = keys[0]?.holder ?? '';
  for (const entry of entries) {
    const key = entry.mac ? known.get(entry.mac.keyId) : undefined;
    if (!key || !entry.mac) continue;
    if (typeof entry.hash === 'string' && macMatches(key, entry.hash, entry.mac)) {
      through = entry.seq;
      holder = key.holder;
      continue;
    }
    const line = lineOf(entry);
    problems.push({
      kind: 'forged',
      line,
      message: `${AUDIT_LOG_FILE} line ${line}: entry ${describe(entry)} carries a MAC of ${key.holder}'s key that does not match; it was written or changed without that key`,
      messageNb: `${AUDIT_LOG_FILE} linje ${line}: oppføring ${describe(entry)} har en MAC for nøkkelen til ${key.holder} som ikke stemmer; den er skrevet eller endret uten den nøkkelen`,
    });
  }
  // With a key that has authenticated the log before, everything after its last MAC is unvouched for.
  const tailFrom = keys.length > 0 && through > 0 ? through : Number.POSITIVE_INFINITY;
  // Without that, a line beyond audit.head.json with no MAC at all in a log that uses MACs cannot be anyone's.
  const keyed = entries.some((entry) => entry.mac !== undefined);
  const headSeq = head?.seq ?? 0;
  for (const entry of entries) {
    const inTail = entry.seq > tailFrom;
    const unmarkedLag = keyed && entry.seq > headSeq && entry.mac === undefined;
    if (!inTail && !unmarkedLag) continue;
    const line = lineOf(entry);
    const who = inTail ? `${holder}'s key` : 'any key';
    const whoNb = inTail ? `nøkkelen til ${holder}` : 'noen nøkkel';
    problems.push({
      kind: 'unauthenticated',
      line,
      message: `${AUDIT_LOG_FILE} line ${line}: entry ${describe(entry)} is not authenticated by ${who}; it was added by someone without the key and is not adopted`,
      messageNb: `${AUDIT_LOG_FILE} linje ${line}: oppføring ${describe(entry)} er ikke autentisert med ${whoNb}; den er lagt til av noen uten nøkkelen og blir ikke tatt inn`,
    });
  }
  if (head?.mac) {
    const key = known.get(head.mac.keyId);
    if (key && !macMatches(key, head.hash, head.mac)) {
      problems.push({
        kind: 'forged',
        line: 1,
        message: `${AUDIT_HEAD_FILE}: the MAC of ${key.holder}'s key does not match entry ${String(head.seq)}; the head was rewritten without the key`,
        messageNb: `${AUDIT_HEAD_FILE}: MAC-en for nøkkelen til ${key.holder} stemmer ikke med oppføring ${String(head.seq)}; hodet er skrevet om uten nøkkelen`,
      });
    }
  }
  return { problems, ...(keys.length > 0 ? { authenticated: { through, holder } } : {}) };
}
