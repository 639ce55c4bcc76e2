// Reading Electronegativity's CSV report and deciding whether the scan passes (docs/security.md). The tool
// exits 0 even with HIGH findings, so this is the gate: every HIGH or MEDIUM finding must be on the
// allow-list with a reason AND explained in docs/security.md (by its check id), or the scan fails.

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  /** Path relative to the scanned folder, forward slashes. */
  file: string;
  location: string;
}

export interface AllowEntry {
  check: string;
  /** Exact relative path of the file the finding is in. */
  file: string;
  reason: string;
}

export interface Judgement {
  /** Findings that fail the scan, each with why. */
  failures: { finding: Finding; why: string }[];
  /** HIGH/MEDIUM findings that are allowed, with the reason from the allow-list. */
  allowed: { finding: Finding; reason: string }[];
  /** LOW and INFORMATIONAL findings: reported, never failing. */
  minor: Finding[];
  /** Allow-list entries that matched nothing (stale: the code changed, remove or fix the entry). */
  unused: AllowEntry[];
}

// issue, severity, confidence, filename, location, sample, description, url — the sample is not quoted and
// may contain commas, so only the five leading fields are read, by their fixed shape.
const RECORD = /^([A-Z0-9_]+),"(HIGH|MEDIUM|LOW|INFORMATIONAL)","([A-Z]+)","([^"]*)","(\d+:\d+)",/;

export function parseFindings(csv: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const match = RECORD.exec(line);
    if (match === null) continue;
    const [, check = '', severity = 'LOW', confidence = '', file = '', location = ''] = match;
    findings.push({ check, severity: severity as Severity, confidence, file: file.replace(/\\/g, '/'), location });
  }
  return findings;
}

/** How many records the CSV holds (lines that start with a check id), to catch a report we failed to read. */
export function countRecords(csv: string): number {
  return csv.split(/\r?\n/).filter((line) => /^[A-Z0-9_]+_(CHECK|GLOBAL_CHECK|JSON_CHECK|HTML_CHECK|JS_CHECK),/.test(line)).length;
}

export function judge(findings: readonly Finding[], allowList: readonly AllowEntry[], securityDoc: string): Judgement {
  const judgement: Judgement = { failures: [], allowed: [], minor: [], unused: [] };
  const used = new Set<AllowEntry>();
  for (const finding of findings) {
    if (finding.severity !== 'HIGH' && finding.severity !== 'MEDIUM') {
      judgement.minor.push(finding);
      continue;
    }
    const entry = allowList.find((candidate) => candidate.check === finding.check && candidate.file === finding.file);
    if (entry === undefined) {
      judgement.failures.push({ finding, why: 'not on the allow-list (electron/security/electronegativity-allowlist.json)' });
    } else if (entry.reason.trim().length < 20) {
      judgement.failures.push({ finding, why: 'the allow-list entry has no real reason' });
    } else if (!securityDoc.includes(finding.check)) {
      judgement.failures.push({ finding, why: `docs/security.md does not explain ${finding.check}` });
    } else {
      used.add(entry);
      judgement.allowed.push({ finding, reason: entry.reason });
    }
  }
  judgement.unused = allowList.filter((entry) => !used.has(entry));
  return judgement;
}

export function describeFinding(finding: Finding): string {
  return `${finding.severity} ${finding.check} ${finding.file}:${finding.location}`;
}
