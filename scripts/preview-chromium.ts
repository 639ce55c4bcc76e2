// `npm run preview:chromium`: builds nothing itself (the npm script builds the renderer first) and starts
// test/e2e/preview.ts, which opens the real UI in Chromium with the real services bridged. The work lives next
// to the bridge it reuses; this file is the stable entry point named in the docs.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../test/e2e/preview.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: 'inherit', env: process.env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
