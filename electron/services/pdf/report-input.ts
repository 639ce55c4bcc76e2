// Everything one assessment PDF shows, already resolved to display values, so the PDF code depends on no
// workspace, rule or scoring module. export/ builds it from the workspace; tests build it directly.

export interface ReportRuleRow {
  ruleId: string;
  title: string;
  /** reject | priority | info */
  severity: string;
  /** auto | manual | auto-override */
  kind: string;
  /** pass | fail | review | not-applicable (after the assessor's review) */
  status: string;
  reason: string;
  /** The assessor's confirmation or override, with the written reason. */
  review?: { action: 'confirm' | 'override'; status: string; comment: string; at: string };
}

export interface ReportScore {
  criterionId: string;
  title: string;
  weight: number;
  threshold: number;
  score: number | null;
  scaleMin: number;
  scaleMax: number;
  /** The rubric level text for the given score. */
  levelDescriptor: string;
  justification: string;
  /** Against the criterion's threshold, from shared/scoring thresholdStatus; shown on page 1. */
  thresholdStatus?: 'met' | 'not-met' | 'missing';
}

export interface AssessmentReportInput {
  scheme: {
    id: string;
    title: string;
    owner: string;
    year: number;
    /** e.g. "Søknadsrunde 2021 (frist 9. februar 2021)". */
    round: string;
    /** SHA-256 (hex) of the scheme definition the application was assessed against. */
    sha256: string;
  };
  application: {
    id: string;
    applicant: string;
    organisationNumber: string;
    municipality: string;
    projectTitle: string;
    focusArea: string;
    /** Total requested grant over all years, whole kroner. */
    requestedAmount: number;
    submittedAt: string;
    period: string;
  };
  /** SHA-256 (hex) of every package file. */
  files: { path: string; sha256: string; bytes?: number }[];
  evaluation: { verdict: string; rows: ReportRuleRow[] };
  impartiality: { conflict: boolean; reason: string; declaredAt: string } | null;
  scores: ReportScore[];
  totals: {
    /** Weighted total as a display string (may carry decimals; not money). */
    weightedTotal: string;
    maximum: string;
    /** e.g. "Over terskel / above threshold". */
    thresholdStatus: string;
  };
  stipend: { lines: { label: string; amount: number }[]; total: number; note?: string } | null;
  recommendation: { decision: string; amount: number; comment: string };
  assessor: { name: string; email?: string; fingerprint: string };
  /** The assessment's own state: version and when it was finalised. */
  assessmentVersion: number;
  finalisedAt: string | null;
  /** Signing instant; also the document date. */
  signedAt: Date;
  /** The workspace's audit log head at export (last entry's seq and hash); absent outside a workspace. */
  auditHead?: { seq: number; hash: string };
}
