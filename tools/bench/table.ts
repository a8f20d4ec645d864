import type { Figure, Measurement, SuiteResult } from './suite.js'

const LABEL_WIDTH = 52

function duration(seconds: number): string {
  if (seconds >= 1) return `${seconds.toFixed(3)} s`
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(2)} ms`
  return `${(seconds * 1e6).toFixed(1)} µs`
}

function measurementLine(m: Measurement): string {
  const cells = [duration(m.seconds).padStart(10)]
  cells.push(
    m.cpuSeconds === undefined ? ''.padStart(14) : `cpu ${duration(m.cpuSeconds)}`.padStart(14),
  )
  if (m.maxRssMiB !== undefined) cells.push(`rss ${m.maxRssMiB.toFixed(1)} MiB`.padStart(15))
  return `  ${m.label.padEnd(LABEL_WIDTH)}${cells.join('  ').trimEnd()}`
}

/** `≤ 1.30 ✔`, or `(for information)` without a limit. */
function verdict(f: Figure): string {
  if (f.limit === undefined) return '(for information)'
  const limit = 'max' in f.limit ? `≤ ${f.limit.max}` : `≥ ${f.limit.min}`
  return `target ${limit} ${f.met ? '✔' : '✖'}`
}

function figureLine(f: Figure): string {
  const value = f.unit === '×' ? `${f.value.toFixed(2)}×` : `${f.value.toFixed(1)} MiB`
  return `  ${f.label.padEnd(LABEL_WIDTH)}${value.padStart(10)}  ${verdict(f)}`
}

/** The bench results as a plain-text table, one section per suite. */
export function formatTable(results: readonly SuiteResult[]): string {
  const sections = results.map((r) =>
    [
      r.title,
      ...r.measurements.map(measurementLine),
      ...r.figures.map(figureLine),
      ...r.notes.map((note) => `  · ${note}`),
    ].join('\n'),
  )
  const figures = results.flatMap((r) => r.figures.filter((f) => f.limit !== undefined))
  const missed = figures.filter((f) => !f.met).length
  const summary =
    missed === 0
      ? `All ${figures.length} targets met.`
      : `${missed} of ${figures.length} targets missed.`
  return `${[...sections, summary].join('\n\n')}\n`
}

/** Whether every figure with a target met it. */
export function allMet(results: readonly SuiteResult[]): boolean {
  return results.every((r) => r.figures.every((f) => f.met !== false))
}
