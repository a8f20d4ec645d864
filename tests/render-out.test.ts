/**
 * `npm run render -- --out DIR` never destroys what it did not create: it replaces only a folder
 * that is missing, empty, or one this package wrote (recognised by its manifest), and never
 * writes into the package folder, `content/`, `schemas/` or a folder holding any of them.
 *
 * Every run here uses a throw-away copy of the package (its compiled scripts, content and
 * schemas), so a regression can only ever destroy that copy, never this checkout.
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { OUTPUT_MANIFEST } from '../src/outputs/output-manifest.js'
import { compiledCommand, PACKAGE_ROOT, programIn, snapshot, tempDir } from './build-helpers.js'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

beforeAll(() => {
  compiledCommand('render')
})

/**
 * `<parent>/pkg`: package.json, the compiled dist/lib, content/ and schemas/, with the
 * dependencies reachable through `<parent>/node_modules` (outside the copy, so a snapshot of the
 * copy is only the copy).
 */
function packageCopy(): { parent: string; root: string } {
  const parent = tempDir('render-out-')
  temps.push(parent)
  const root = join(parent, 'pkg')
  mkdirSync(root)
  for (const path of ['package.json', 'dist/lib', 'content', 'schemas'])
    cpSync(join(PACKAGE_ROOT, path), join(root, path), { recursive: true })
  symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(parent, 'node_modules'), 'dir')
  return { parent, root }
}

function render(root: string, args: string[], cwd = root) {
  const run = spawnSync(process.execPath, [programIn(root), 'render', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function expectRefused(run: ReturnType<typeof render>, reason: RegExp): void {
  expect(run.stderr).toMatch(reason)
  expect(run.stderr).toContain('Nothing was changed')
  expect(run.stderr).not.toMatch(/^\s+at .+[:(]/m)
  expect(run.code).toBe(2)
}

describe('render --out refuses what it did not create (exit 2, nothing touched)', () => {
  it("keeps a folder holding a user's notes.txt", () => {
    const { root } = packageCopy()
    const out = join(tempDir('render-notes-'))
    temps.push(out)
    writeFileSync(join(out, 'notes.txt'), 'my notes')
    const before = snapshot(out)
    const run = render(root, ['--out', out])
    expectRefused(run, /notes\.txt/)
    expect(snapshot(out)).toEqual(before)
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('my notes')
  })

  it('refuses --out . from the package root, leaving the checkout as it was', () => {
    const { parent, root } = packageCopy()
    const before = snapshot(root)
    const run = render(root, ['--out', '.'])
    expectRefused(run, /package/)
    expect(snapshot(root)).toEqual(before)
    expect(readdirSync(parent).sort()).toEqual(['node_modules', 'pkg'])
  })

  it.each([
    ['content', /content/],
    ['schemas', /schemas/],
    ['..', /holds the package/],
    ['content/people', /content/],
    ['/', /holds the package/],
  ])('refuses --out %s', (out, reason) => {
    const { parent, root } = packageCopy()
    const before = snapshot(root)
    expectRefused(render(root, ['--out', out]), reason)
    expect(snapshot(root)).toEqual(before)
    expect(readdirSync(parent).sort()).toEqual(['node_modules', 'pkg'])
  })

  it('refuses a symlink that leads to the package or to content/', () => {
    const { parent, root } = packageCopy()
    symlinkSync(root, join(parent, 'to-package'), 'dir')
    symlinkSync(join(root, 'content'), join(parent, 'to-content'), 'dir')
    const before = snapshot(root)
    expectRefused(render(root, ['--out', join(parent, 'to-package')]), /package/)
    expectRefused(render(root, ['--out', join(parent, 'to-content', 'site')]), /content/)
    expect(snapshot(root)).toEqual(before)
  })

  it('refuses a file given as --out', () => {
    const { parent, root } = packageCopy()
    writeFileSync(join(parent, 'site'), 'a file')
    expectRefused(render(root, ['--out', join(parent, 'site')]), /not a folder/)
    expect(readFileSync(join(parent, 'site'), 'utf8')).toBe('a file')
  })

  it('refuses its own output folder once a user has added or changed a file in it', () => {
    const { parent, root } = packageCopy()
    const out = join(parent, 'site')
    expect(render(root, ['--out', out]).code).toBe(0)
    writeFileSync(join(out, 'draft.html'), 'mine')
    expectRefused(render(root, ['--out', out]), /draft\.html/)
    expect(readFileSync(join(out, 'draft.html'), 'utf8')).toBe('mine')
    rmSync(join(out, 'draft.html'))
    writeFileSync(join(out, 'index.html'), 'edited by hand')
    expectRefused(render(root, ['--out', out]), /index\.html/)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('edited by hand')
  })

  it('refuses --id --out into a folder it did not create', () => {
    const { parent, root } = packageCopy()
    const out = join(parent, 'mine')
    mkdirSync(out)
    writeFileSync(join(out, 'notes.txt'), 'my notes')
    const id = readdirSync(join(root, 'content/articles'))[0]?.replace(/\.json$/, '') ?? ''
    const run = render(root, ['--id', id, '--format', 'text', '--out', out])
    expectRefused(run, /notes\.txt/)
    expect(readdirSync(out)).toEqual(['notes.txt'])
  })
})

describe('render --out writes where it may', () => {
  it.each([
    ['a missing folder', (parent: string) => join(parent, 'new', 'site')],
    [
      'an empty folder',
      (parent: string) => {
        mkdirSync(join(parent, 'empty'))
        return join(parent, 'empty')
      },
    ],
  ])('writes the site to %s, with a manifest', (_, make) => {
    const { parent, root } = packageCopy()
    const out = make(parent)
    const run = render(root, ['--out', out])
    expect(run.stderr).toMatch(/wrote \d+ pages/)
    expect(run.code).toBe(0)
    expect(existsSync(join(out, 'index.html'))).toBe(true)
    expect(existsSync(join(out, OUTPUT_MANIFEST))).toBe(true)
  })

  it('replaces its own output folder on a second run, and adds one article to it', () => {
    const { parent, root } = packageCopy()
    const out = join(parent, 'site')
    expect(render(root, ['--out', out]).code).toBe(0)
    const first = snapshot(out)
    const second = render(root, ['--out', out])
    expect(second.stderr).toMatch(/wrote \d+ pages/)
    expect(second.code).toBe(0)
    expect(Object.keys(snapshot(out)).sort()).toEqual(Object.keys(first).sort())
    expect(readdirSync(parent).sort()).toEqual(['node_modules', 'pkg', 'site'])

    const id = readdirSync(join(root, 'content/articles'))[0]?.replace(/\.json$/, '') ?? ''
    const one = render(root, ['--id', id, '--format', 'markdown', '--out', out])
    expect(one.code).toBe(0)
    expect(readdirSync(join(out, 'articles')).length).toBeGreaterThan(0)
    // The added file is the package's too: the next site render still recognises the folder.
    expect(render(root, ['--out', out]).code).toBe(0)
  })

  it('writes the default dist/site inside the package', () => {
    const { root } = packageCopy()
    const run = render(root, [])
    expect(run.code).toBe(0)
    expect(existsSync(join(root, 'dist/site/index.html'))).toBe(true)
    expect(existsSync(programIn(root))).toBe(true)
  })
})
