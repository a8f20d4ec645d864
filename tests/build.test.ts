// The real build (the package's validator and renderer) on a temp copy of the real content.
// npm test compiles first (pretest), so the script tests run the compiled dist/lib.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/outputs/build.js'
import { OutputFolderError } from '../src/outputs/output-folder.js'
import { OUTPUT_MANIFEST } from '../src/outputs/output-manifest.js'
import { copyPackage, PACKAGE_ROOT, runScript, snapshot, writeTree } from './build-helpers.js'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function packageCopy(): string {
  const root = copyPackage()
  roots.push(root)
  writeTree(root, { 'dist/lib/src/index.js': 'export const compiled = true\n' })
  return root
}

const article = JSON.parse(
  readFileSync(
    join(
      PACKAGE_ROOT,
      'content/articles',
      readdirSync(join(PACKAGE_ROOT, 'content/articles')).find((f) => f.endsWith('.json')) ?? '',
    ),
    'utf8',
  ),
) as { headline: string; slug: { current: string } }

/** Break a person document the schema way: a name must be a string. */
function breakPerson(root: string): string {
  const file = join(root, 'content/people/person-antony-blinken.json')
  const text = readFileSync(file, 'utf8')
  const broken = text.replace('"name": "Antony Blinken"', '"name": 5')
  expect(broken).not.toBe(text)
  writeFileSync(file, broken)
  return file
}

function allFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('build (real validation and rendering)', () => {
  it('writes the site into dist/site and reports what it wrote', async () => {
    const root = packageCopy()
    const result = await build({ root })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const site = join(root, 'dist/site')
    const files = allFiles(site).filter((file) => !file.endsWith(OUTPUT_MANIFEST))
    expect(existsSync(join(site, OUTPUT_MANIFEST))).toBe(true)
    const [output] = result.outputs
    expect(output?.files).toBe(files.length)
    expect(output?.pages).toBe(files.filter((f) => f.endsWith('.html')).length)
    expect(output?.bytes).toBe(files.reduce((sum, f) => sum + readFileSync(f).byteLength, 0))
    expect(result.documents).toBe(allFiles(join(root, 'content')).length)
    const page = readFileSync(join(site, 'articles', article.slug.current, 'index.html'), 'utf8')
    expect(page).toContain(article.headline)
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['lib', 'ninjs', 'sanity', 'site'])
  })

  it('refuses invalid content with located problems and leaves dist/ byte-for-byte unchanged', async () => {
    const root = packageCopy()
    expect((await build({ root })).ok).toBe(true)
    const before = snapshot(join(root, 'dist'))
    breakPerson(root)
    const result = await build({ root })
    expect(result.ok).toBe(false)
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: expect.stringMatching(/content\/people\/person-antony-blinken\.json$/),
        pointer: '/name',
        documentId: 'person-antony-blinken',
      }),
    )
    expect(snapshot(join(root, 'dist'))).toEqual(before)
  })

  it('rebuilds over its own outputs, and refuses a dist/site holding a file of yours', async () => {
    const root = packageCopy()
    const lib = snapshot(join(root, 'dist/lib'))
    expect((await build({ root })).ok).toBe(true)
    expect((await build({ root })).ok).toBe(true)
    expect(snapshot(join(root, 'dist/lib'))).toEqual(lib)
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['lib', 'ninjs', 'sanity', 'site'])

    writeTree(root, { 'dist/site/notes.txt': 'mine' })
    const before = snapshot(join(root, 'dist'))
    await expect(build({ root })).rejects.toThrow(OutputFolderError)
    expect(snapshot(join(root, 'dist'))).toEqual(before)
    const run = runScript('build', ['--root', root])
    expect(run.stderr).toMatch(
      /^build: Refusing to write .*dist\/site: it holds notes\.txt.* Nothing was changed\./m,
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.status).toBe(2)
    expect(readFileSync(join(root, 'dist/site/notes.txt'), 'utf8')).toBe('mine')
  })
})

describe('npm run build (compiled script)', () => {
  it('exits 0 and prints pages, files, bytes and time', () => {
    const root = packageCopy()
    const run = runScript('build', ['--root', root])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const pages = allFiles(join(root, 'dist/site')).filter((f) => f.endsWith('.html')).length
    expect(run.stdout).toMatch(
      new RegExp(
        `^Built dist/site: ${pages} pages, \\d+ files, [\\d.]+ kB; dist/sanity: 1 file, [\\d.]+ kB; dist/ninjs: 1 file, [\\d.]+ kB from \\d+ documents in \\d+ ms\\.$`,
        'm',
      ),
    )
  })

  it('exits 1 with the pretty report when validation fails, writing nothing', () => {
    const root = packageCopy()
    breakPerson(root)
    const run = runScript('build', ['--root', 'content/..'], { cwd: root })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      /^content\/people\/person-antony-blinken\.json:\d+:\d+ {2}error {4}.+ {2}\[schema\/type\]$/m,
    )
    expect(run.stderr).toMatch(/^✖ 1 error in \d+ documents$/m)
    expect(run.stderr).toContain('Build stopped: fix the problems above. dist/ was not changed.')
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(readdirSync(join(root, 'dist'))).toEqual(['lib'])
  })

  it('exits 2 with usage for an unknown option, and when there is no content/', () => {
    const bad = runScript('build', ['--nope'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('Usage: us-russia-g20-story build')
    const root = packageCopy()
    rmSync(join(root, 'content'), { recursive: true })
    const missing = runScript('build', ['--root', root])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain(`there is no content/ folder in ${root}`)
  })
})
