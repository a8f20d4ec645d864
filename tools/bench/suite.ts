import type { Corpus } from './corpus.js'

/** What every part of `npm run bench` is given. */
export interface BenchContext {
  /** Documents in the validation corpus (article copies; content/'s others come on top). */
  docs: number
  /** Child-process runs per measurement; the median (time) or the worst (memory) is reported. */
  runs: number
  /** Runs of the cold-start measurement, which is short and so noisier. */
  coldRuns: number
  /** Renders of the article body per timed round of the render comparison. */
  renders: number
  /** Timed rounds of the render comparison (after warm-up rounds that are not counted). */
  rounds: number
  /** A temporary folder the run may write into; removed afterwards. */
  workDir: string
  /** The NDJSON corpus, written once and shared. */
  corpus: Corpus
}

/** One thing measured: a time, and the CPU time and peak memory when a child process reports them. */
export interface Measurement {
  label: string
  seconds: number
  cpuSeconds?: number
  maxRssMiB?: number
}

/**
 * A figure compared with its target: a ratio (`unit: '×'`, ours over the baseline) or an amount.
 * Without `limit` it is for information.
 */
export interface Figure {
  label: string
  value: number
  unit: '×' | 'MiB'
  limit?: { max: number } | { min: number }
  /** Whether `value` is within `limit`; `undefined` without a limit. */
  met?: boolean
}

/** What one part of the bench found. */
export interface SuiteResult {
  name: string
  title: string
  measurements: Measurement[]
  figures: Figure[]
  /** How it was measured, and the checks that make the figures mean something. */
  notes: string[]
}

/** One part of `npm run bench`: our tool against a floor or a peer. */
export interface Suite {
  /** Short name for `--only`. */
  name: string
  run(context: BenchContext): Promise<SuiteResult>
}

/** A figure, with `met` worked out from its limit. */
export function figure(
  label: string,
  value: number,
  unit: Figure['unit'],
  limit?: Figure['limit'],
): Figure {
  if (limit === undefined) return { label, value, unit }
  const met = 'max' in limit ? value <= limit.max : value >= limit.min
  return { label, value, unit, limit, met }
}

/** "median of 3 runs", or "1 run" when there is nothing to take the median of. */
export function medianOf(count: number, what = 'runs'): string {
  return count === 1 ? `1 ${what.replace(/s$/, '')}` : `median of ${count} ${what}`
}
