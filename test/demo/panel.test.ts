// The demo panel: a real panel workspace made by createDemoPanel (the function the app calls), whose merged
// signed files show every flag kind, a ranking and an allocation at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagKindSchema } from '../../shared/panel/types';
import type { PanelSnapshot } from '../../shared/panel/types';
import { DEMO_ASSESSORS } from '../../electron/services/demo/panel-round';
import { createDemoPanel } from '../../electron/services/demo/panel';
import { readPanelSnapshot } from '../../electron/services/panel/snapshot';
import { listTrustedCertificates } from '../../electron/services/trust/trust-list';
import { tempDir } from '../integration/helpers/workspace';

let dir: string;
let cleanup: () => Promise<void>;
let snapshot: PanelSnapshot;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('demo-panel'));
  await createDemoPanel(dir);
  snapshot = await readPanelSnapshot(dir, { agreementResamples: 100 });
}, 180_000);
afterAll(() => cleanup());

describe('createDemoPanel', () => {
  it('has five trusted demo assessors with their own certificates, and one untrusted guest file', async () => {
    const trusted = await listTrustedCertificates(dir);
    expect(trusted.map((entry) => entry.subjectName).sort()).toEqual(DEMO_ASSESSORS.map((assessor) => assessor.name).sort());
    const onList = new Set(trusted.map((entry) => entry.fingerprint));
    const files = snapshot.exchangeFiles;
    expect(new Set(files.filter((file) => file.trusted).map((file) => file.signerFingerprint))).toEqual(onList);
    expect(files.filter((file) => !file.trusted).map((file) => file.assessorName)).toEqual(['Gjest Vurderer']);
  });

  it('shows every flag kind, settled and open flags, a ranking in every focus area and an allocation', () => {
    const flags = snapshot.applications.flatMap((application) => application.flags);
    expect(new Set(flags.map((flag) => flag.kind))).toEqual(new Set(flagKindSchema.options));
    expect(flags.some((flag) => flag.settlement.state === 'settled')).toBe(true);
    expect(flags.some((flag) => flag.kind === 'eligibility-disagreement' && flag.blocksRanking)).toBe(true);
    expect(snapshot.ranking.focusAreas.map((area) => area.focusArea)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const area of snapshot.ranking.focusAreas) expect(area.ranked.length).toBeGreaterThan(0);
    expect(snapshot.ranking.excluded.some((entry) => entry.reasons.some((reason) => reason.kind === 'ineligible'))).toBe(true);
    expect(snapshot.ranking.excluded.some((entry) => entry.reasons.some((reason) => reason.kind === 'consensus-missing'))).toBe(true);
    expect(snapshot.allocation?.totalAllocated).toBeGreaterThan(0);
    expect(snapshot.allocation?.totalAllocated).toBeLessThanOrEqual(snapshot.allocation?.budgetTotal ?? 0);
    expect(snapshot.agreement.map((entry) => entry.agreement.ordinal.alpha.computable)).toEqual([true, true]);
    // The lenient assessor sits above consensus, the strict one below.
    const offsets = snapshot.agreement.find((entry) => entry.criterionId === 'feasibility')?.agreement.offsets ?? [];
    expect(offsets.find((entry) => entry.assessorId === 'lena-lunde')?.meanOffset).toBeGreaterThan(0);
    expect(offsets.find((entry) => entry.assessorId === 'stig-strand')?.meanOffset).toBeLessThan(0);
  });
});
