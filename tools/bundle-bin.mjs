/**
 * Bundles the program that package.json's `bin` names: dist/lib/src/cli/bin.js and the modules it
 * loads become dist/lib/bin/us-russia-g20-story.js and a few chunks (each command's own code stays
 * a chunk loaded when that command runs). Why: a cold start of `validate` on Node 20 spends more
 * time loading ~40 small ES modules (each a separate read, resolve and compile) than validating;
 * one file cuts about a quarter of the program's time over `node -e 0` (see the README's
 * Performance section). The library (`.`, `./render`, `./sanity`) stays unbundled.
 *
 * The checker threads' pool stays outside the bundle: its worker is a file of its own, found next
 * to the pool (dist/lib/src/validator/threads/), which a bundle would move.
 *
 *   node tools/bundle-bin.mjs          bundle (the launcher and prepack run it after tsc)
 */
import { rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { rolldown } from 'rolldown'

const ROOT = dirname(import.meta.dirname)
const LIB = join(ROOT, 'dist', 'lib')
/** Where the bundle goes: package.json's `bin`. */
export const BUNDLE_DIR = join(LIB, 'bin')
const POOL = join(LIB, 'src', 'validator', 'threads', 'pool.js')

/** Bundle the program; the previous bundle is replaced. */
export async function bundleBin() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true })
  const bundle = await rolldown({
    input: { 'us-russia-g20-story': join(LIB, 'src', 'cli', 'bin.js') },
    platform: 'node',
    // Dependencies are installed beside the package; node's built-ins are node's; the pool is
    // loaded from where tsc put it.
    external: (id) => /^node:/.test(id) || /^[@a-z]/.test(id) || id === POOL,
    logLevel: 'warn',
  })
  await bundle.write({
    dir: BUNDLE_DIR,
    format: 'esm',
    minify: true,
    chunkFileNames: '[name]-[hash].js',
    paths: (id) => (id === POOL ? `./${relative(BUNDLE_DIR, POOL).split('\\').join('/')}` : id),
  })
  await bundle.close()
}

if (process.argv[1] === import.meta.filename) await bundleBin()
