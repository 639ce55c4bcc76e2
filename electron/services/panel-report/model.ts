// Everything the panel's documents show (issue 11), resolved from the PanelSnapshot by from-snapshot.ts, so
// the PDF, XLSX, CSV and letter writers depend on no workspace, merge or maths module. Money is whole kroner;
// instants are ISO strings with an offset (Europe/Oslo).
import type { SchemeDefinition } from '../../../shared/scheme/schema';

export interface ReportCriterion {
  id: string;
  title: string;
  weight: number;
  threshold: number;
}

export interface ReportApplicant {
  applicationId: string;
  applicantName: string;
  municipalityNumber: string;
  projectTitle: string;
  focusArea: number;
  poolId: string;
  packageSha256: string;
  requested: { total: number | null; firstYear: number | null; firstYearYear: number | null };
}

/** A year after the first: listed as a commitment "med forbehold om Stortingets bevilgning". */
export interface LaterYear {
  year: number;
  amount: number;
}

export interface RankedRow {
  rank: number;
  applicationId: string;
  /** Consensus score per criterion id. */
  scores: Record<string, number>;
  weightedTotal: number;
  /** Which tie-break step put it below the row above (same total), in nb; null without a tie. */
  tieNote: string | null;
  /** First-year grant allocated; 0 when the pool ran out before it. */
  firstYearAmount: number;
  /** Less than the consensus amount because only the remainder of the pool was offered. */
  remainderOffered: boolean;
  laterYears: LaterYear[];
}

export interface FocusAreaSection {
  focusArea: number;
  code: string;
  title: string;
  poolId: string;
  ranked: RankedRow[];
}

export interface PoolFigures {
  id: string;
  title: string;
  focusAreas: number[];
  reserved: boolean;
  amount: number;
  /** Released reserve moved in (shared pool, positive) or out (a released reserved pool, negative). */
  releasedIn: number;
  releasedOut: number;
  allocated: number;
  left: number;
}

export type NotRecommendedReason =
  | { kind: 'ineligible'; rules: { id: string; title: string; schemeText: string }[]; justification: string | null }
  | { kind: 'below-threshold'; scores: { criterionId: string; title: string; score: number; threshold: number }[] }
  | { kind: 'no-funds'; poolId: string; poolTitle: string; left: number; requested: number }
  | { kind: 'not-settled'; missing: string[] };

export interface NotRecommendedRow {
  applicationId: string;
  reasons: NotRecommendedReason[];
}

export interface FlagRow {
  applicationId: string;
  kind: string;
  criterionId: string | null;
  assessorIds: string[];
  reason: string;
  state: 'open' | 'settled' | 'automatic';
  justification: string | null;
  by: string | null;
  at: string | null;
}

export interface AssessmentRow {
  applicationId: string;
  assessorId: string;
  assessorName: string;
  status: string;
  trusted: boolean;
  version: number;
  finalisedAt: string | null;
  eligibility: string;
  decision: string;
  amount: number;
  firstYearAmount: number;
  scores: { criterionId: string; score: number | null; justification: string }[];
  comment: string;
}

export interface AgreementFigures {
  criteria: { criterionId: string; title: string; alphaOrdinal: number | null; alphaInterval: number | null; interval: [number, number] | null; pairs: number }[];
  /** Per assessor and criterion: mean of (score − consensus), advisory only. */
  assessors: { assessorId: string; name: string; criterionId: string; criterionTitle: string; meanOffset: number | null; applications: number }[];
}

export interface HashRow {
  label: string;
  detail: string;
  sha256: string;
}

export interface AwardRow {
  focusArea: number;
  applicationId: string;
  applicantName: string;
  projectTitle: string;
  amount: number;
}

export interface PanelReportModel {
  scheme: SchemeDefinition;
  schemeSha256: string;
  round: { id: string; createdAt: string };
  /** The panel lead who signs (or drafts) the documents. */
  lead: { name: string; email: string; fingerprint: string };
  /** The instant written into every document and its signature. */
  generatedAt: Date;
  criteria: ReportCriterion[];
  applicants: ReportApplicant[];
  focusAreas: FocusAreaSection[];
  pools: PoolFigures[];
  budgetTotal: number;
  allocatedTotal: number;
  /** How a request that does not fit is handled: skip | offer-remainder. */
  shortfall: string;
  notRecommended: NotRecommendedRow[];
  flags: FlagRow[];
  assessments: AssessmentRow[];
  agreement: AgreementFigures | null;
  hashes: { packages: HashRow[]; exchangeFiles: HashRow[] };
  awards: AwardRow[];
  /** What the award-list check found (docs/panel-documents.md), filled in by the generator. */
  awardListNotes: string[];
}

export function applicantOf(model: PanelReportModel, applicationId: string): ReportApplicant {
  const found = model.applicants.find((applicant) => applicant.applicationId === applicationId);
  if (!found) throw new Error(`the report model has no application ${applicationId}`);
  return found;
}
