// The merged panel state, derived from the SET of stored exchange files (docs/panel.md § Merge rules). The
// result depends only on the files' contents, never on the order they came in, so merging is idempotent
// and order-independent by construction: the service writes canonical JSON of this value.
import type { Assessment, RuleReview } from '../assessment/schema';
import type { Verdict } from '../rules/types';
import { firstYearShare } from './statistics';
import type { MergedAssessment, MergedExchangeFile } from './types';

/** One stored exchange file as the service read it back (signature verified when it was merged). */
export interface StoredExchange {
  sha256: string;
  storedAs: string;
  trusted: boolean;
  signerFingerprint: string;
  createdAt: string;
  assessor: { id: string; name: string };
  /** Each assessment with the SHA-256 of its canonical JSON (computed by the service: shared/ has no hashing). */
  assessments: { assessment: Assessment; sha256: string }[];
}

/** What the panel knows about one of its own applications, for the assessor's verdict and first-year share. */
export interface ApplicationBasis {
  /** The assessor's verdict on the panel's copy of the package with these rule reviews. */
  verdictWith(reviews: readonly RuleReview[]): Verdict;
  firstYearRequested: number | null;
  totalRequested: number | null;
}

export interface MergedState {
  formatVersion: 1;
  /** Sorted by sha256. */
  files: MergedExchangeFile[];
  /** Sorted by application id, assessor id, version (newest first), assessment hash. */
  assessments: MergedAssessment[];
}

/**
 * Memoises an assessor-verdict function per distinct set of reviews. applyReviews costs ~45 µs and assessors
 * mostly confirm the same rules the same way, so 25 × 500 assessments need only a few hundred real runs. The
 * key keeps what applyReviews uses: the order (by time, then position), rule, action, status, and whether the
 * comment is empty — the time itself and the comment's wording do not change the verdict.
 */
export function cachedVerdicts(verdictWith: (reviews: readonly RuleReview[]) => Verdict): (reviews: readonly RuleReview[]) => Verdict {
  const cache = new Map<string, Verdict>();
  return (reviews) => {
    const ordered = reviews.map((review, index) => ({ review, index })).sort((a, b) => Date.parse(a.review.at) - Date.parse(b.review.at) || a.index - b.index);
    const key = ordered.map(({ review }) => `${review.ruleId}|${review.action}|${review.status}|${review.comment.trim() === '' ? 0 : 1}`).join(';');
    const known = cache.get(key);
    if (known !== undefined) return known;
    const verdict = verdictWith(reviews);
    cache.set(key, verdict);
    return verdict;
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Candidate {
  assessment: Assessment;
  sha256: string;
  files: StoredExchange[];
}

export function deriveMergedState(stored: readonly StoredExchange[], basis: ReadonlyMap<string, ApplicationBasis>): MergedState {
  const files = [...stored].sort((a, b) => compare(a.sha256, b.sha256));
  // The same assessment (same hash) in several files is one candidate carried by all of them.
  const candidates = new Map<string, Candidate>();
  for (const file of files) {
    for (const { assessment, sha256 } of file.assessments) {
      const key = `${assessment.applicationId}\u0000${assessment.assessor.id}\u0000${sha256}`;
      const existing = candidates.get(key);
      if (existing) {
        if (!existing.files.includes(file)) existing.files.push(file);
      } else {
        candidates.set(key, { assessment, sha256, files: [file] });
      }
    }
  }
  // Per assessor and application: the newest version wins; two different assessments at that version conflict.
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates.values()) {
    const key = `${candidate.assessment.applicationId}\u0000${candidate.assessment.assessor.id}`;
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  }
  const assessments: MergedAssessment[] = [];
  for (const group of groups.values()) {
    const newest = Math.max(...group.map((candidate) => candidate.assessment.version));
    const atNewest = group.filter((candidate) => candidate.assessment.version === newest).length;
    for (const candidate of group) {
      const { assessment } = candidate;
      const status: MergedAssessment['status'] =
        assessment.version < newest ? 'superseded' : atNewest > 1 ? 'version-conflict' : assessment.impartiality?.conflict ? 'conflict-of-interest' : 'included';
      assessments.push(toMerged(candidate, status, basis.get(assessment.applicationId)));
    }
  }
  assessments.sort(
    (a, b) =>
      compare(a.applicationId, b.applicationId) || compare(a.assessorId, b.assessorId) || b.version - a.version || compare(a.assessmentSha256, b.assessmentSha256),
  );
  return {
    formatVersion: 1,
    files: files.map((file) => ({
      sha256: file.sha256,
      storedAs: file.storedAs,
      assessorId: file.assessor.id,
      assessorName: file.assessor.name,
      signerFingerprint: file.signerFingerprint,
      createdAt: file.createdAt,
      trusted: file.trusted,
      applicationIds: [...new Set(file.assessments.map((entry) => entry.assessment.applicationId))].sort(compare),
    })),
    assessments,
  };
}

function toMerged(candidate: Candidate, status: MergedAssessment['status'], basis: ApplicationBasis | undefined): MergedAssessment {
  const { assessment } = candidate;
  const carriers = [...candidate.files].sort((a, b) => compare(a.sha256, b.sha256));
  // A trusted signature over the same assessment makes it trusted, whatever other copies came with.
  const signer = carriers.find((file) => file.trusted) ?? carriers[0];
  const { amount, decision, comment } = assessment.recommendation;
  return {
    applicationId: assessment.applicationId,
    assessorId: assessment.assessor.id,
    assessorName: assessment.assessor.name,
    version: assessment.version,
    status,
    assessmentSha256: candidate.sha256,
    exchangeFileSha256s: carriers.map((file) => file.sha256),
    signerFingerprint: signer?.signerFingerprint ?? '',
    trusted: carriers.some((file) => file.trusted),
    finalisedAt: assessment.finalisedAt,
    conflictOfInterest: assessment.impartiality?.conflict ? { reason: assessment.impartiality.reason } : null,
    scores: [...assessment.scores]
      .sort((a, b) => compare(a.criterionId, b.criterionId))
      .map((score) => ({ criterionId: score.criterionId, score: score.score, justification: score.justification })),
    // The merge refuses files for applications the panel does not have, so basis is there for every assessment.
    eligibility: basis ? basis.verdictWith(assessment.ruleReviews) : 'needs-review',
    recommendation: {
      decision,
      amount,
      firstYearAmount: firstYearShare(amount, basis?.firstYearRequested ?? null, basis?.totalRequested ?? null),
      comment,
    },
  };
}
