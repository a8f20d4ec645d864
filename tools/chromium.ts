import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'

/** Where Debian's `chromium` package puts the browser; `CHROMIUM_PATH` overrides it. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium'
}

/**
 * Launch flags for headless Chromium on this machine. The background-networking flags matter:
 * without them Chromium phones home at start, and the closed network refuses it many times over.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The apt-get commands that install Debian's Chromium, as argument lists. */
export const APT_INSTALL: readonly (readonly string[])[] = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
]

/** What to tell someone whose machine has no Chromium at `path` and cannot install it for them. */
export function chromiumMissingMessage(path: string, reason?: string): string {
  return [
    `Chromium was not found at ${path}${reason ? ` (${reason})` : ''}.`,
    'The end-to-end test drives a real browser. Install Debian’s Chromium:',
    '  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium',
    'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run `npm test` again.',
  ].join('\n')
}

/** Whether `path` is an executable file. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Whether `command` is on the PATH. */
function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/** Why this process cannot install Chromium with apt-get, or `null` when it can. */
export function cannotInstallReason(): string | null {
  if (process.platform !== 'linux')
    return `apt-get is for Debian Linux; this is ${process.platform}`
  if (process.getuid?.() !== 0) return 'installing needs root; this process is not root'
  if (!onPath('apt-get')) return 'apt-get is not available on this machine'
  return null
}

/** Outcome of {@link ensureChromium}. */
export type EnsureResult =
  | { status: 'present'; path: string }
  | { status: 'installed'; path: string }
  | { status: 'missing'; path: string; message: string }

/**
 * Make sure Chromium is at {@link chromiumPath}: when it is missing and this process is root on a
 * machine with apt-get, install Debian's `chromium` (as `playwright install --with-deps` would
 * elsewhere; Playwright's own browser download cannot reach its host from here).
 * apt-get's output goes to stderr so the caller's stdout stays readable.
 */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env): EnsureResult {
  const path = chromiumPath(env)
  if (isExecutable(path)) return { status: 'present', path }
  const reason = env.CHROMIUM_PATH
    ? 'CHROMIUM_PATH is set, so nothing is installed'
    : cannotInstallReason()
  if (reason) return { status: 'missing', path, message: chromiumMissingMessage(path, reason) }
  for (const [command, ...args] of APT_INSTALL) {
    const run = spawnSync(command as string, args, {
      stdio: ['ignore', 2, 2],
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (run.status !== 0) {
      const why = `\`${[command, ...args].join(' ')}\` exited with ${run.status ?? run.signal}`
      return { status: 'missing', path, message: chromiumMissingMessage(path, why) }
    }
  }
  if (!isExecutable(path)) {
    const why = 'apt-get finished but the binary is not there'
    return { status: 'missing', path, message: chromiumMissingMessage(path, why) }
  }
  return { status: 'installed', path }
}
