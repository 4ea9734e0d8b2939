/**
 * Evidence counters for the reliability summary `npm test` prints (kills survived,
 * corrupt files recovered, hostile inputs tried, security checks passed). A test calls
 * `recordReliability` after it has asserted what it counts; the runner sets
 * RELIABILITY_DIR and adds the figures up. Outside `npm test` this does nothing.
 */
import fs from 'node:fs';
import path from 'node:path';

export type ReliabilityMetric = 'kills-survived' | 'corrupt-recovered' | 'hostile-inputs' | 'security-checks';

export function recordReliability(metric: ReliabilityMetric, count: number, what: string): void {
  const dir = process.env['RELIABILITY_DIR'];
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, `${process.pid}.jsonl`), `${JSON.stringify({ metric, count, what })}\n`);
}
