// The output-folder rule itself: what may be replaced, what may not, and how a folder is known
// as the package's own. The commands that use it are tested in render-out, build-atomic and
// serve-start.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  addToOutputFolder,
  checkOutputFolder,
  OutputFolderError,
  replaceOutputFolder,
} from '../src/outputs/output-folder.js'
import { OUTPUT_MANIFEST, readManifest, unaccounted } from '../src/outputs/output-manifest.js'
import { packageFolders, protectedReason, realPath } from '../src/outputs/protected-folders.js'
import { PACKAGE_ROOT, snapshot, tempDir, writeTree } from './build-helpers.js'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function temp(): string {
  const dir = tempDir('output-folder-')
  temps.push(dir)
  return dir
}

const PAGE = [{ path: 'index.html', content: '<h1>x</h1>' }]

describe('replaceOutputFolder', () => {
  it('writes a missing folder with a manifest of each file and its SHA-256', async () => {
    const out = join(temp(), 'a', 'site')
    const stats = await replaceOutputFolder(out, [
      ...PAGE,
      { path: 'img/x.png', content: new Uint8Array([1, 2, 3]) },
    ])
    expect(stats).toEqual({ files: 2, pages: 1, bytes: 13 })
    const manifest = await readManifest(out)
    expect([...(manifest ?? new Map()).keys()].sort()).toEqual(['img/x.png', 'index.html'])
    expect(manifest?.get('img/x.png')).toBe(
      '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81',
    )
  })

  it('replaces an empty folder, and one holding only file-manager metadata', async () => {
    const parent = temp()
    mkdirSync(join(parent, 'empty'))
    await replaceOutputFolder(join(parent, 'empty'), PAGE)
    writeTree(parent, { 'finder/.DS_Store': 'x' })
    await replaceOutputFolder(join(parent, 'finder'), PAGE)
    expect(readdirSync(join(parent, 'finder')).sort()).toEqual([OUTPUT_MANIFEST, 'index.html'])
  })

  it('replaces its own folder, dropping pages no longer written', async () => {
    const out = join(temp(), 'site')
    await replaceOutputFolder(out, [...PAGE, { path: 'old/index.html', content: 'old' }])
    writeTree(out, { '.DS_Store': 'x' })
    await replaceOutputFolder(out, PAGE)
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MANIFEST, 'index.html'])
  })

  it.each([
    ['a file it did not write', { 'notes.txt': 'mine' }, /it holds notes\.txt, which/],
    ['an empty folder it did not make', { 'mine/.keep': '' }, /it holds mine, which/],
    ['a changed page', { 'index.html': 'edited' }, /index\.html changed since/],
  ])('refuses its own folder holding %s, changing nothing', async (_, files, reason) => {
    const out = join(temp(), 'site')
    await replaceOutputFolder(out, PAGE)
    writeTree(out, files)
    if ('mine/.keep' in files) rmSync(join(out, 'mine/.keep'))
    const before = snapshot(out)
    const failure = replaceOutputFolder(out, [{ path: 'new.html', content: 'new' }])
    await expect(failure).rejects.toThrow(OutputFolderError)
    await expect(failure).rejects.toThrow(reason)
    expect(snapshot(out)).toEqual(before)
  })

  it('refuses a folder whose manifest is not this package’s', async () => {
    const out = temp()
    writeTree(out, { [OUTPUT_MANIFEST]: '{"generator":"another-tool","files":{}}' })
    await expect(replaceOutputFolder(out, PAGE)).rejects.toThrow(/has no \.output-manifest/)
    expect(readdirSync(out)).toEqual([OUTPUT_MANIFEST])
  })

  it('refuses a symbolic link inside its own folder instead of following it', async () => {
    const parent = temp()
    const out = join(parent, 'site')
    await replaceOutputFolder(out, PAGE)
    writeTree(parent, { 'mine/notes.txt': 'mine' })
    symlinkSync(join(parent, 'mine'), join(out, 'link'))
    await expect(checkOutputFolder(out)).rejects.toThrow(/it holds link, which/)
  })

  it('refuses a broken symbolic link, and a renderer writing the manifest', async () => {
    const parent = temp()
    symlinkSync(join(parent, 'nowhere'), join(parent, 'site'))
    await expect(checkOutputFolder(join(parent, 'site'))).rejects.toThrow(/leads nowhere/)
    await expect(
      replaceOutputFolder(join(parent, 'out'), [{ path: OUTPUT_MANIFEST, content: '{}' }]),
    ).rejects.toThrow(/it is the folder's manifest/)
    expect(existsSync(join(parent, 'out'))).toBe(false)
  })

  it('writes through a link to an empty folder, keeping the link', async () => {
    const parent = temp()
    mkdirSync(join(parent, 'real'))
    symlinkSync(join(parent, 'real'), join(parent, 'link'))
    await replaceOutputFolder(join(parent, 'link'), PAGE)
    expect(readFileSync(join(parent, 'real/index.html'), 'utf8')).toBe('<h1>x</h1>')
    expect(readdirSync(parent).sort()).toEqual(['link', 'real'])
  })
})

describe('addToOutputFolder', () => {
  it('keeps what it wrote before, replaces a file of the same path, and lists them all', async () => {
    const out = join(temp(), 'site')
    await replaceOutputFolder(out, [...PAGE, { path: 'a.md', content: 'one' }])
    await addToOutputFolder(out, [
      { path: 'a.md', content: 'two' },
      { path: 'b/c.md', content: 'three' },
    ])
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>x</h1>')
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('two')
    expect(await unaccounted(out, (await readManifest(out)) ?? new Map())).toEqual({
      added: [],
      changed: [],
    })
    await replaceOutputFolder(out, PAGE)
  })
})

describe('protected folders', () => {
  it('resolves links, also through parts that do not exist yet', async () => {
    const parent = await realPath(temp())
    mkdirSync(join(parent, 'real'))
    symlinkSync(join(parent, 'real'), join(parent, 'link'))
    expect(await realPath(join(parent, 'link', 'x', 'y'))).toBe(join(parent, 'real', 'x', 'y'))
  })

  it.each([
    ['the package folder', PACKAGE_ROOT, /it is the package folder/],
    ['a folder holding it', join(PACKAGE_ROOT, '..'), /it holds the package folder/],
    ['content/', join(PACKAGE_ROOT, 'content'), /it is content\//],
    ['a folder in schemas/', join(PACKAGE_ROOT, 'schemas', 'x'), /it is inside schemas\//],
  ])('refuses %s', async (_, path, reason) => {
    expect(await protectedReason(await realPath(path), packageFolders(PACKAGE_ROOT))).toMatch(
      reason,
    )
    await expect(checkOutputFolder(path)).rejects.toThrow(OutputFolderError)
  })

  it('allows a folder inside the package but outside content/ and schemas/', async () => {
    const reason = await protectedReason(
      await realPath(join(PACKAGE_ROOT, 'dist', 'site')),
      packageFolders(PACKAGE_ROOT),
    )
    expect(reason).toBeNull()
  })
})
