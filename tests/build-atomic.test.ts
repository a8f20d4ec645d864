import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { OutputFolderError, replaceOutputFolder } from '../src/outputs/output-folder.js'
import { OUTPUT_MANIFEST } from '../src/outputs/output-manifest.js'
import { BuildError, type BuildSteps, runBuild } from '../src/outputs/pipeline.js'
import { removeLeftovers, replaceDir } from '../src/outputs/swap-dir.js'
import { OutputPathError, unsafePathReason, writeFiles } from '../src/outputs/write-files.js'
import type { RenderError } from '../src/render/errors.js'
import { renderSite } from '../src/render/site.js'
import { snapshot, standInSteps, tempDir, writeTree } from './build-helpers.js'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A package-like temp root: content/, a compiled library in dist/lib, and a previous dist/site. */
async function fixtureRoot(): Promise<string> {
  const root = tempDir()
  roots.push(root)
  writeTree(root, {
    'content/people/person-a.json': '{"_id":"person-a","_type":"person","name":"A"}\n',
    'content/people/person-b.json': '{"_id":"person-b","_type":"person","name":"B"}\n',
    'dist/lib/src/index.js': 'export const compiled = true\n',
  })
  await replaceOutputFolder(join(root, 'dist/site'), [
    { path: 'index.html', content: '<h1>old site</h1>' },
    { path: 'old-only/index.html', content: '<p>only in the old build</p>' },
  ])
  return root
}

function distEntries(root: string): string[] {
  return readdirSync(join(root, 'dist')).sort()
}

describe('runBuild (machinery, with stand-in steps)', () => {
  it('replaces dist/site with the new build and leaves no temporary folder', async () => {
    const root = await fixtureRoot()
    const lib = snapshot(join(root, 'dist/lib'))
    const result = await runBuild(standInSteps(), { root })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.outputs).toEqual([
      { name: 'site', dir: join(root, 'dist/site'), files: 3, pages: 3, bytes: 40 },
    ])
    expect(readFileSync(join(root, 'dist/site/index.html'), 'utf8')).toBe('<h1>2 documents</h1>')
    expect(readFileSync(join(root, 'dist/site/person-b/index.html'), 'utf8')).toBe('<h1>B</h1>')
    expect(existsSync(join(root, 'dist/site/old-only'))).toBe(false)
    expect(distEntries(root)).toEqual(['lib', 'site'])
    expect(snapshot(join(root, 'dist/lib'))).toEqual(lib)
    expect(readFileSync(join(root, 'dist/site', OUTPUT_MANIFEST), 'utf8')).toContain(
      '"person-b/index.html"',
    )
  })

  it('leaves dist/ byte-for-byte as it was when validation fails', async () => {
    const root = await fixtureRoot()
    writeFileSync(join(root, 'content/people/person-b.json'), '{"_id": "person-b",')
    const before = snapshot(join(root, 'dist'))
    const result = await runBuild(standInSteps(), { root })
    expect(result.ok).toBe(false)
    expect(result.problems.map((p) => p.rule)).toEqual(['json/syntax'])
    expect(snapshot(join(root, 'dist'))).toEqual(before)
    expect(distEntries(root)).toEqual(['lib', 'site'])
  })

  it('creates nothing at all when validation fails on a fresh clone', async () => {
    const root = tempDir()
    roots.push(root)
    writeTree(root, { 'content/x.json': 'not json' })
    const result = await runBuild(standInSteps(), { root })
    expect(result.ok).toBe(false)
    expect(existsSync(join(root, 'dist'))).toBe(false)
  })

  it('keeps the old site when the renderer throws', async () => {
    const root = await fixtureRoot()
    const before = snapshot(join(root, 'dist'))
    const steps: BuildSteps = {
      ...standInSteps(),
      outputs: [
        {
          name: 'site',
          render: () => {
            throw new TypeError('Cannot read properties of undefined')
          },
        },
      ],
    }
    const failure = runBuild(steps, { root })
    await expect(failure).rejects.toThrow(BuildError)
    await expect(failure).rejects.toThrow('Rendering site failed: Cannot read properties')
    // A renderer bug is no content problem: no diagnostics.
    await expect(failure).rejects.toMatchObject({ diagnostics: [] })
    expect(snapshot(join(root, 'dist'))).toEqual(before)
  })

  it("carries a renderer's diagnostics when the render refuses the content", async () => {
    const root = await fixtureRoot()
    const steps: BuildSteps = {
      ...standInSteps(),
      outputs: [{ name: 'site', render: (documents) => renderSite(documents) }],
    }
    const failure = runBuild(steps, { root })
    await expect(failure).rejects.toThrow(BuildError)
    const error = (await failure.catch((e: unknown) => e)) as BuildError
    expect(error.diagnostics.length).toBe(1)
    expect(error.diagnostics[0]?.rule).toMatch(/^render\//)
    expect(error.diagnostics).toEqual((error.cause as RenderError).diagnostics)
  })

  it('keeps the old site when writing fails half-way, and removes the partial output', async () => {
    const root = await fixtureRoot()
    const before = snapshot(join(root, 'dist'))
    const steps: BuildSteps = {
      ...standInSteps(),
      outputs: [
        {
          name: 'site',
          render: () => [
            { path: 'index.html', content: 'new' },
            { path: 'a/b.html', content: 'new' },
            { path: '../lib/src/index.js', content: 'overwritten!' },
          ],
        },
      ],
    }
    await expect(runBuild(steps, { root })).rejects.toThrow(
      'Refused to write "../lib/src/index.js": it has a ".." segment',
    )
    expect(snapshot(join(root, 'dist'))).toEqual(before)
    expect(distEntries(root)).toEqual(['lib', 'site'])
  })

  it('never touches dist/lib, even when it replaces dist/site', async () => {
    const root = await fixtureRoot()
    writeTree(root, { 'dist/lib/scripts/build.js': '// compiled\n', 'dist/other.txt': 'keep' })
    const lib = snapshot(join(root, 'dist/lib'))
    const result = await runBuild(standInSteps(), { root })
    expect(result.ok).toBe(true)
    expect(snapshot(join(root, 'dist/lib'))).toEqual(lib)
    expect(readFileSync(join(root, 'dist/other.txt'), 'utf8')).toBe('keep')
  })

  it('refuses an output folder holding a file it did not write, before touching any output', async () => {
    const root = await fixtureRoot()
    writeTree(root, { 'dist/site/notes.txt': 'my notes' })
    const before = snapshot(join(root, 'dist'))
    let validated = false
    const site = standInSteps().outputs[0]
    const steps: BuildSteps = {
      ...standInSteps(),
      read: async (dir) => {
        validated = true
        return standInSteps().read(dir)
      },
      // dist/sanity comes first and is missing: it must not be written either.
      outputs: [
        { name: 'sanity', render: () => [{ path: 'a.ndjson', content: '{}' }] },
        ...(site ? [site] : []),
      ],
    }
    const failure = runBuild(steps, { root })
    await expect(failure).rejects.toThrow(OutputFolderError)
    await expect(failure).rejects.toThrow(/dist\/site: it holds notes\.txt.*Nothing was changed/)
    expect(validated).toBe(false)
    expect(snapshot(join(root, 'dist'))).toEqual(before)
    expect(distEntries(root)).toEqual(['lib', 'site'])
  })

  it.each([
    ['content', /it is inside the content folder|it is inside content\//],
    ['schemas', /it is inside schemas\//],
  ])('refuses outDir %s', async (outDir, reason) => {
    const root = await fixtureRoot()
    mkdirSync(join(root, 'schemas'))
    const before = snapshot(root)
    const failure = runBuild(standInSteps(), { root, outDir: join(root, outDir) })
    await expect(failure).rejects.toThrow(OutputFolderError)
    await expect(failure).rejects.toThrow(reason)
    expect(snapshot(root)).toEqual(before)
  })
})

describe('replaceDir', () => {
  it('builds in a hidden sibling and renames it into place', async () => {
    const root = tempDir()
    roots.push(root)
    const target = join(root, 'site')
    let seen = ''
    await replaceDir(target, async (tmp) => {
      seen = tmp
      writeFileSync(join(tmp, 'a.txt'), 'a')
      expect(existsSync(target)).toBe(false)
    })
    expect(seen).toMatch(/[/\\]\.site\.tmp-\d+-[0-9a-f]+$/)
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('a')
    expect(readdirSync(root)).toEqual(['site'])
  })

  it('removes leftovers of a killed build, but not those of a live process', async () => {
    const root = tempDir()
    roots.push(root)
    // pid 2^22+1 is above Linux's pid_max, so no process has it.
    mkdirSync(join(root, '.site.tmp-4194305-deadbeef'))
    mkdirSync(join(root, '.site.old-4194305-cafe0123'))
    mkdirSync(join(root, `.site.tmp-${process.ppid}-0badf00d`))
    mkdirSync(join(root, '.sitemap.tmp-4194305-deadbeef'))
    const removed = await removeLeftovers(join(root, 'site'))
    expect(removed.sort()).toEqual(['.site.old-4194305-cafe0123', '.site.tmp-4194305-deadbeef'])
    expect(readdirSync(root).sort()).toEqual([
      `.site.tmp-${process.ppid}-0badf00d`,
      '.sitemap.tmp-4194305-deadbeef',
    ])
  })
})

describe('writeFiles', () => {
  it.each([
    ['', 'it is empty'],
    ['/etc/passwd', 'it is absolute'],
    ['a/../../x', 'it has a ".." segment'],
    ['./index.html', 'it has a "." segment'],
    ['a//b.html', 'it has a "" segment'],
    ['a\\b.html', 'it contains a backslash'],
    ['a\0.html', 'it contains a NUL character'],
  ])('refuses the path %j: %s', (path, reason) => {
    expect(unsafePathReason(path)).toContain(reason)
  })

  it('accepts plain relative paths', () => {
    expect(unsafePathReason('articles/a-b/index.html')).toBeNull()
  })

  it('refuses duplicate paths instead of overwriting', async () => {
    const dir = tempDir()
    roots.push(dir)
    const files = [
      { path: 'a.html', content: '1' },
      { path: 'a.html', content: '2' },
    ]
    await expect(writeFiles(dir, files)).rejects.toThrow(OutputPathError)
  })

  it('counts pages, files and bytes (UTF-8 bytes, not characters)', async () => {
    const dir = tempDir()
    roots.push(dir)
    const stats = await writeFiles(dir, [
      { path: 'index.html', content: 'é' },
      { path: 'img/x.png', content: new Uint8Array([1, 2, 3]) },
    ])
    expect(stats).toEqual({ files: 2, pages: 1, bytes: 5 })
    expect([...readFileSync(join(dir, 'img/x.png'))]).toEqual([1, 2, 3])
  })
})
