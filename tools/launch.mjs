/**
 * How the npm scripts of this repository run the program: compile the TypeScript only when a
 * source is newer than its output, then run the compiled program in this same process.
 *
 *   node tools/launch.mjs <command> [options]       the us-russia-g20-story program, as installed (dist/lib/bin/)
 *   node tools/launch.mjs scripts/<name>.js [args]  a repository script compiled under dist/lib
 *   node tools/launch.mjs --compile                 only compile, when something changed
 *
 * Plain JavaScript, so that it runs before anything is compiled. A compile with nothing changed
 * would cost a whole `tsc` run (about 1.2 s; 0.35 s even incremental) on every `npm run`: the
 * check here is a stat of each source and its output, a few milliseconds. The sources are the
 * folders tsconfig.build.json compiles; tsc rewrites every output on each run, so one output
 * older than its source, or than a tsconfig, means the sources changed since the last compile.
 * A compile that failed is marked, so the next run compiles again rather than run its output.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = dirname(import.meta.dirname)
const OUT = join(ROOT, 'dist', 'lib')
/** What tsconfig.build.json compiles. */
const SOURCES = ['src', 'scripts', 'studio', 'tools']
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json']
/** Left by a compile that failed: its outputs are not to be trusted. */
const FAILED = join(OUT, '.compile-failed')

/** The modification time of `path`, or undefined when it is not there. */
function mtime(path) {
  try {
    return statSync(path).mtimeMs
  } catch {
    return undefined
  }
}

/** Whether some source is newer than its output, an output is missing, or the last compile failed. */
function stale() {
  if (mtime(FAILED) !== undefined) return true
  const configs = Math.max(...CONFIGS.map((name) => mtime(join(ROOT, name)) ?? 0))
  for (const folder of SOURCES) {
    for (const file of readdirSync(join(ROOT, folder), { recursive: true })) {
      const path = String(file)
      if (!path.endsWith('.ts') || path.endsWith('.d.ts')) continue
      const output = mtime(join(OUT, folder, path.replace(/\.ts$/, '.js')))
      if (output === undefined || output < configs) return true
      if (output < (mtime(join(ROOT, folder, path)) ?? 0)) return true
    }
  }
  return false
}

/** Compile with tsc; on type errors, print them and exit 2 (as `tsc && node …` did). */
function compile() {
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc')
  const run = spawnSync(tsc, ['-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (run.status === 0) {
    rmSync(FAILED, { force: true })
    return
  }
  writeFileSync(FAILED, 'tsc failed: the next run compiles again.\n')
  process.stderr.write(
    `launch: tsc -p tsconfig.build.json failed (${run.error?.message ?? `exit ${run.status}`}).\n`,
  )
  process.exit(2)
}

if (stale()) compile()
// The installed program is a bundle of the compiled one (tools/bundle-bin.mjs): made again after
// every compile (tsc rewrites bin.js each time), so the bundle is never older than the code.
const BUNDLE = join(OUT, 'bin', 'us-russia-g20-story.js')
if ((mtime(BUNDLE) ?? 0) < (mtime(join(OUT, 'src', 'cli', 'bin.js')) ?? 0)) {
  const { bundleBin } = await import('./bundle-bin.mjs')
  await bundleBin()
}
const [first] = process.argv.slice(2)
if (first === '--compile') process.exit(0)
// A compiled script gets its own arguments as process.argv.slice(2), as if node had started it.
const script = first?.endsWith('.js') ? process.argv.splice(2, 1)[0] : 'bin/us-russia-g20-story.js'
await import(pathToFileURL(join(OUT, script)).href)
