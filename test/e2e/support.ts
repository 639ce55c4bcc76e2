// Shared helpers of the e2e tests: fixture paths, a hostile package, and the axe scan.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { makeZip, patchBytes } from '../fixtures/zip-tools';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'packages');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/**
 * A zip whose second entry climbs out of the package ("../evil.txt", zip slip). yazl refuses to write such a
 * name, so the bytes are patched afterwards. The importer must refuse the whole package.
 */
export async function writeHostileZip(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const manifest = await readFile(join(fixture('so6-skien-eligible'), 'soknad.json'));
  const zip = patchBytes(
    await makeZip([
      { name: 'soknad.json', content: manifest },
      { name: 'xx/evil.txt', content: 'owned' },
    ]),
    'xx/evil.txt',
    '../evil.txt',
  );
  const path = join(dir, 'hostile-zip-slip.zip');
  await writeFile(path, zip);
  return path;
}

/** WCAG 2.1 A and AA; serious and critical violations fail the test, with their ids and targets in the message. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  // A dialog fading in is measured at part opacity (false contrast failures): let animations finish first.
  // Endless ones (a spinner) are left alone.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact ?? ''}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe violations on ${screen}`).toEqual([]);
}

export const ASSESSOR = { id: 'kari-nordmann', name: 'Kari Nordmann', email: 'kari.nordmann@example.no' };
