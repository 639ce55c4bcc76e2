// The concurrent-save race (issue 8 point 4): two processes save the same assessment at the same time, each
// reporting every save the store answered as done. Afterwards every reported save must be in the main file or
// its history: no version reported twice (one of the two was overwritten), every retained history version holds
// the content its reporter wrote, and the main file is the newest reported version.
// Used by test/integration/concurrent-save.test.ts (small count) and bench/crash/race-run.ts (2 × 200).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAssessment, historyName } from '../../electron/services/store/assessment-file';
import { assessmentFile, assessmentHistoryDir } from '../../electron/services/workspace/layout';
import { CRASH_APPLICATION_ID, CRASH_ASSESSOR } from './content';

const childPath = fileURLToPath(new URL('./race-saver.ts', import.meta.url));

export interface RaceStats {
  reported: number;
  /** Reported saves that are not where they should be (overwritten, or the main file went back). */
  lost: number;
  /** Versions reported by more than one save. */
  duplicateVersions: number;
  /** Reported saves whose history version was pruned (beyond the 50 kept), so only the version count checks them. */
  unchecked: number;
  staleRefusals: number;
  finalVersion: number;
  details: string[];
}

export interface Saved {
  version: number;
  marker: string;
}

function runChild(dir: string, count: number, tag: string): Promise<{ saved: Saved[]; stale: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childPath, dir, String(count), tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`race child ${tag} exited with ${String(code)}: ${err.trim()}`));
        return;
      }
      const saved: Saved[] = [];
      let stale = 0;
      for (const line of out.split('\n')) {
        const match = /^saved (\d+) (\S+ \d+)$/.exec(line);
        if (match?.[1] && match[2]) saved.push({ version: Number(match[1]), marker: match[2] });
        else if (line === 'stale') stale += 1;
      }
      resolve({ saved, stale });
    });
  });
}

export async function runRace(dir: string, countPerProcess: number): Promise<RaceStats> {
  const results = await Promise.all([runChild(dir, countPerProcess, 'a'), runChild(dir, countPerProcess, 'b')]);
  const stale = results.reduce((sum, result) => sum + result.stale, 0);
  return checkReportedSaves(dir, results.flatMap((result) => result.saved), stale);
}

/** Checks the saves the children reported against the files (exported so a test can show it catches a loss). */
export async function checkReportedSaves(dir: string, saved: readonly Saved[], staleRefusals: number): Promise<RaceStats> {
  const details: string[] = [];
  const byVersion = new Map<number, Saved[]>();
  for (const save of saved) byVersion.set(save.version, [...(byVersion.get(save.version) ?? []), save]);
  let lost = 0;
  let duplicateVersions = 0;
  let unchecked = 0;
  const historyDir = assessmentHistoryDir(dir, CRASH_ASSESSOR.id, CRASH_APPLICATION_ID);
  for (const [version, saves] of [...byVersion.entries()].sort(([a], [b]) => a - b)) {
    if (saves.length > 1) {
      duplicateVersions += 1;
      details.push(`version ${version} reported by ${saves.map((save) => save.marker).join(' and ')}`);
    }
    let text: string | undefined;
    try {
      text = await readFile(join(historyDir, historyName(version)), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === undefined) {
      unchecked += saves.length;
      lost += saves.length - 1;
      continue;
    }
    const stored = parseAssessment(text)?.recommendation.comment;
    const missing = saves.filter((save) => save.marker !== stored);
    lost += missing.length;
    for (const save of missing) details.push(`${save.marker} (version ${version}): history holds "${String(stored)}"`);
  }
  const newest = [...byVersion.keys()].reduce((a, b) => Math.max(a, b), 0);
  const main = parseAssessment(await readFile(assessmentFile(dir, CRASH_ASSESSOR.id, CRASH_APPLICATION_ID), 'utf8'));
  const newestMarkers = (byVersion.get(newest) ?? []).map((save) => save.marker);
  if (!main || main.version !== newest || !newestMarkers.includes(main.recommendation.comment)) {
    lost += 1;
    details.push(`main file holds version ${String(main?.version)} "${String(main?.recommendation.comment)}", newest reported is ${newest}`);
  }
  return {
    reported: saved.length,
    lost,
    duplicateVersions,
    unchecked,
    staleRefusals,
    finalVersion: main?.version ?? 0,
    details,
  };
}
