// The crash test (issue 3 point 4): a child saves in a loop and is killed with SIGKILL at a random moment,
// many times over one workspace. After every kill: every assessment file parses, equals a version that was
// written (its history copy and contentFor(version)), no save the child reported is lost, and the audit log
// verifies. Used by test/integration/crash.test.ts (few rounds) and bench/crash/run.ts (≥ 200 rounds).
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessmentSchema } from '../../shared/assessment/schema';
import { canonicalJson } from '../../electron/services/hash/sha256';
import { verifyAuditLog } from '../../electron/services/audit/verify';
import { isAtomicTempFile } from '../../electron/services/store/atomic-write';
import { contentFor, CRASH_APPLICATION_ID, CRASH_ASSESSOR } from './content';

const saverPath = fileURLToPath(new URL('./saver.ts', import.meta.url));

export interface CrashStats {
  rounds: number;
  /** Saves the children reported as done, over all rounds. */
  reportedSaves: number;
  finalVersion: number;
  /** Temp files found after kills (harmless: removed on the next open). */
  strayTempFiles: number;
  /** Rounds where the kill landed before the child's first save. */
  killsBeforeFirstSave: number;
}

interface Round {
  lastReported: number;
  startVersion: number;
}

function runOneRound(workspaceDir: string, delayMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', saverPath, workspaceDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let startVersion = -1;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (startVersion < 0) {
        const ready = /ready (\d+)\n/.exec(out);
        if (ready) {
          startVersion = Number(ready[1]);
          // Kill after a random delay once the child is saving: the moment falls anywhere inside a save.
          timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`saver exited by itself (code ${String(code)}): ${err.trim()}`));
        return;
      }
      const saved = [...out.matchAll(/saved (\d+)\n/g)].map((match) => Number(match[1]));
      resolve({ lastReported: saved.at(-1) ?? startVersion, startVersion });
    });
  });
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${where}: not valid JSON (a torn write)`);
  }
}

function expectedFor(version: number, text: string, where: string): void {
  const parsed = assessmentSchema.safeParse(parseJson(text, where));
  if (!parsed.success) throw new Error(`${where}: does not pass the assessment schema`);
  if (parsed.data.version !== version) throw new Error(`${where}: holds version ${parsed.data.version}, expected ${version}`);
  if (canonicalJson(parsed.data.recommendation) !== canonicalJson(contentFor(version))) throw new Error(`${where}: content is not what version ${version} wrote`);
}

/** Checks the state on disk; returns the stored version and the number of stray temp files. */
export async function checkAfterKill(workspaceDir: string, lastReported: number): Promise<{ version: number; tempFiles: number }> {
  const assessorDir = join(workspaceDir, 'assessments', CRASH_ASSESSOR.id);
  const mainPath = join(assessorDir, `${CRASH_APPLICATION_ID}.json`);
  const names = await readdir(assessorDir).catch(() => [] as string[]);
  if (names.some((name) => name.includes('.damaged-'))) throw new Error(`${assessorDir}: a damaged file was set aside`);
  let version = 0;
  if (names.includes(`${CRASH_APPLICATION_ID}.json`)) {
    const text = await readFile(mainPath, 'utf8');
    version = (parseJson(text, mainPath) as { version: number }).version;
    expectedFor(version, text, mainPath);
    const historyPath = join(assessorDir, 'history', CRASH_APPLICATION_ID, `${String(version).padStart(8, '0')}.json`);
    if ((await readFile(historyPath, 'utf8')) !== text) throw new Error(`${mainPath}: differs from its history copy ${historyPath}`);
  }
  if (version < lastReported) throw new Error(`${mainPath}: holds version ${version}, but the child reported version ${lastReported} as saved`);
  const historyDir = join(assessorDir, 'history', CRASH_APPLICATION_ID);
  const history = await readdir(historyDir).catch(() => [] as string[]);
  for (const name of history.filter((n) => !isAtomicTempFile(n))) {
    expectedFor(Number(name.slice(0, 8)), await readFile(join(historyDir, name), 'utf8'), join(historyDir, name));
  }
  const audit = await verifyAuditLog(workspaceDir);
  if (!audit.ok) throw new Error(`audit.log: ${audit.problems[0]?.message ?? 'broken'}`);
  const tempFiles = [...names, ...history].filter(isAtomicTempFile).length;
  return { version, tempFiles };
}

/** `workspaceDir` must hold an imported CRASH_APPLICATION_ID. Throws on the first violation. */
export async function runCrashRounds(workspaceDir: string, rounds: number, maxDelayMs = 80, onRound?: (index: number, version: number) => void): Promise<CrashStats> {
  const stats: CrashStats = { rounds, reportedSaves: 0, finalVersion: 0, strayTempFiles: 0, killsBeforeFirstSave: 0 };
  for (let index = 0; index < rounds; index += 1) {
    const round = await runOneRound(workspaceDir, Math.random() * maxDelayMs);
    const checked = await checkAfterKill(workspaceDir, round.lastReported);
    stats.reportedSaves += Math.max(0, round.lastReported - round.startVersion);
    if (round.lastReported === round.startVersion) stats.killsBeforeFirstSave += 1;
    stats.strayTempFiles += checked.tempFiles;
    stats.finalVersion = checked.version;
    onRound?.(index, checked.version);
  }
  return stats;
}
