// The example assessment of docs/examples/assessment.json, read fresh for each test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Assessment } from '../../../shared/assessment/schema';

export const EXAMPLE_ASSESSMENT_PATH = fileURLToPath(new URL('../../../docs/examples/assessment.json', import.meta.url));

export function exampleAssessment(): Assessment {
  return JSON.parse(readFileSync(EXAMPLE_ASSESSMENT_PATH, 'utf8')) as Assessment;
}
