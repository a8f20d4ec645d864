import { spawn } from 'node:child_process'

/** One run of a child process: wall time, exit code, and the peak RSS (KiB) and CPU time (s) it reported. */
export interface RunResult {
  seconds: number
  code: number | null
  maxRssKiB: number | undefined
  cpuSeconds: number | undefined
  stderr: string
}

/** Run `node args…` to completion, discarding stdout, timing it from spawn to exit. */
export function runNode(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
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
      })
    })
  })
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}
