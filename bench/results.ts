/**
 * Benchmark bookkeeping: the median of repeated runs, the comparison with a baseline
 * measured in the same run, and the files the figures are kept in (bench/results.json,
 * bench/RESULTS.md), so changes over time are visible.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** BENCH_QUICK=1: one run of everything and a short soak, for developing the benches. */
export const QUICK = process.env['BENCH_QUICK'] === '1';
/** Runs per figure: the issue asks for the median of at least 5. */
export const RUNS = QUICK ? 1 : 5;

/**
 * This `npm run bench`'s figures, one JSON line each, appended by every bench file and
 * printed as one table when the run ends (summary.ts, the config's globalSetup).
 */
export const SESSION_FILE = path.resolve(import.meta.dirname, '../out/bench-session.jsonl');

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number | null;
  baseline: number | null;
  ratio: number | null;
  pass: boolean | null;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median wall time in ms of `runs` calls after `warmup` unmeasured ones. */
export function timeIt(fn: () => unknown, runs = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i += 1) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function result(
  name: string,
  value: number,
  unit: string,
  target: number | null,
  baseline: number | null,
): BenchResult {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    name,
    value: round(value),
    unit,
    target,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline ? round(value / baseline) : null,
    pass: target === null ? null : value < target,
  };
}

/** What each figure's baseline is, for RESULTS.md (every bench file writes the whole table). */
const BASELINES: Record<string, string> = {
  'export.large': 'JSON.stringify of the same document',
  'import.large': 'JSON.parse of the same document',
  'phrasing.lint10kWords': 'lower-case and split the same 10,000 words',
  'phrasing.lint10kWordsTypical': 'lower-case and split the same 10,000 words',
  'phrasing.lint200Words': 'lower-case and split the same 200 words',
  'whys.panFrameP95.500': 'bare <ReactFlow>, same nodes, positions and viewport, same run',
  'whys.panFrameP95.1000': 'bare <ReactFlow>, same nodes, positions and viewport, same run',
};

/** Merges these results into bench/results.json (by name) and rewrites bench/RESULTS.md. */
export function record(results: BenchResult[], callerNames: Record<string, string>): void {
  const baselineNames = { ...BASELINES, ...callerNames };
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const jsonPath = path.join(dir, 'results.json');
  const previous: BenchResult[] = fs.existsSync(jsonPath)
    ? (JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as BenchResult[])
    : [];
  const merged = new Map(previous.map((r) => [r.name, r]));
  for (const r of results) merged.set(r.name, r);
  const all = [...merged.values()].sort((a, b) => a.name.localeCompare(b.name));
  fs.writeFileSync(jsonPath, `${JSON.stringify(all, null, 2)}\n`);
  const rows = all.map(
    (r) =>
      `| ${r.name} | ${r.value} ${r.unit} | ${r.target ?? '—'} | ${r.baseline === null ? '—' : `${r.baseline} (${baselineNames[r.name] ?? 'none'})`} | ${r.ratio ?? '—'} | ${r.pass === null ? '—' : r.pass ? 'yes' : 'NO'} |`,
  );
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
  fs.writeFileSync(
    path.join(dir, 'RESULTS.md'),
    `# Benchmark results\n\n${new Date().toISOString().slice(0, 10)} on ${machine}. Medians; ratio = value / baseline measured in the same run.\n\n| figure | value | target | baseline | ratio | meets target |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`,
  );
  fs.mkdirSync(path.dirname(SESSION_FILE), { recursive: true });
  fs.appendFileSync(
    SESSION_FILE,
    results.map((r) => `${JSON.stringify({ ...r, baselineIs: baselineNames[r.name] ?? '' })}\n`).join(''),
  );
  for (const r of results) {
    console.log(`recorded ${r.name}: ${r.value} ${r.unit}${r.ratio === null ? '' : ` (${r.ratio}x baseline)`}`);
  }
}
