/**
 * Vitest globalSetup for `npm run bench`: starts each run with an empty session file and,
 * when every bench file has finished, prints the run's figures as one table (each bench
 * file records into the session file through results.ts record()), then which figures
 * miss their target and which figures in results.json this run did not measure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SESSION_FILE, type BenchResult } from './results';

export function setup(): void {
  fs.rmSync(SESSION_FILE, { force: true });
}

export function teardown(): void {
  if (!fs.existsSync(SESSION_FILE)) return;
  const measured = fs
    .readFileSync(SESSION_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BenchResult & { baselineIs: string })
    .sort((a, b) => a.name.localeCompare(b.name));
  console.log('\nAll figures of this run (ratio = value / baseline measured in the same run):');
  console.table(
    measured.map((r) => ({
      figure: r.name,
      value: `${r.value} ${r.unit}`,
      target: r.target === null ? '' : `< ${r.target}`,
      baseline: r.baseline === null ? '' : r.baseline,
      ratio: r.ratio === null ? '' : `${r.ratio}x`,
      meets: r.pass === null ? '' : r.pass ? 'yes' : 'NO',
      'baseline is': r.baselineIs,
    })),
  );
  const misses = measured.filter((r) => r.pass === false).map((r) => r.name);
  console.log(misses.length ? `Missing their target: ${misses.join(', ')}` : 'Every figure with a target meets it.');
  const jsonPath = path.join(import.meta.dirname, 'results.json');
  if (fs.existsSync(jsonPath)) {
    const names = new Set(measured.map((r) => r.name));
    const stale = (JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as BenchResult[]).filter((r) => !names.has(r.name));
    if (stale.length)
      console.log(
        `Not measured in this run (older values kept in results.json): ${stale.map((r) => r.name).join(', ')}`,
      );
  }
}
