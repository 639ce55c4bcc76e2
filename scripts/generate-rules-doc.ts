// Writes docs/rules.md from the rule catalogue. Run: npm run docs:rules
// shared/rules/doc.test.ts fails when the committed file differs from what this writes.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ruleCatalogue } from '../shared/rules/catalogue';
import { generateRulesDoc } from '../shared/rules/doc';

const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
await writeFile(target, generateRulesDoc(ruleCatalogue), 'utf8');
process.stdout.write(`wrote ${target} (${ruleCatalogue.length} rules)\n`);
