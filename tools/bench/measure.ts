import { spawn } from 'node:child_process'

/** One run of a child process: wall time, exit code, and the peak RSS (KiB) and CPU time (s) it reported. */
export interface RunResult {
  seconds: number
  code: number | null
  maxRssKiB: number | undefined
  cpuSeconds: number | undefined
  stderr: string
  /** Standard output, when asked for; otherwise discarded. */
  stdout: string
}

/** How to run a child process. */
export interface RunOptions {
  env?: NodeJS.ProcessEnv
  /** Keep standard output (to check what the tool said); it is discarded otherwise. */
  stdout?: boolean
}

/**
 * Node arguments that make any script report its peak RSS and CPU time on stderr as it exits
 * (`maxRSS=… cpu=…`, as our validator does with VALIDATE_REPORT_MAX_RSS=1), for tools that do
 * not say it themselves. A data: URL, so it needs no file and works from source and build alike.
 */
export const REPORT_USAGE: readonly string[] = [
  `--import=data:text/javascript,${encodeURIComponent(
    'process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nmaxRSS="+u.maxRSS+"\\ncpu="+(u.userCPUTime+u.systemCPUTime)+"\\n")})',
  )}`,
]

/** Run `node args…` to completion, timing it from spawn to exit. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', options.stdout ? 'pipe' : 'ignore', 'pipe'],
    })
    let stderr = ''
    let stdout = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk
    })
    child.stdout?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const rss = /maxRSS=(\d+)/.exec(stderr)
      const cpu = /cpu=(\d+)/.exec(stderr)
      resolve({
        seconds,
        code,
        maxRssKiB: rss ? Number(rss[1]) : undefined,
        cpuSeconds: cpu ? Number(cpu[1]) / 1e6 : undefined,
        stderr,
        stdout,
      })
    })
  })
}

/**
 * Run `baseline` and `subject` (node's arguments) `runs` times each, alternating, so that drift in
 * the machine's load hits both alike.
 */
export async function paired(
  runs: number,
  baseline: readonly string[],
  subject: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ base: RunResult[]; subject: RunResult[] }> {
  const out = { base: [] as RunResult[], subject: [] as RunResult[] }
  for (let i = 0; i < runs; i++) {
    const base = await runNode(baseline)
    ensureOk(base, `node ${baseline.join(' ')}`)
    out.base.push(base)
    const run = await runNode(subject, { env })
    ensureOk(run, `node ${subject.join(' ')}`)
    out.subject.push(run)
  }
  return out
}

/** The median wall time (or CPU time) of some runs. */
export function typical(runs: readonly RunResult[], key: 'seconds' | 'cpuSeconds'): number {
  return median(runs.map((r) => r[key] ?? 0))
}

/** Throws, naming the command and its first line of stderr, unless the run exited 0. */
export function ensureOk(result: RunResult, what: string): void {
  if (result.code !== 0)
    throw new Error(`${what} exited ${result.code}: ${result.stderr.trim().split('\n')[0] ?? ''}`)
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** The sum of some numbers. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

/** KiB as MiB. */
export function toMiB(kib: number): number {
  return kib / 1024
}
