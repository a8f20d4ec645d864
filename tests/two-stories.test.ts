/**
 * Two stories that share a person, as test content in a layout of its own
 * (tests/fixtures/content-two-stories: a folder per story, people in people/): every stage handles
 * any number of articles, and pull keeps whatever layout content/ has.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSiteConfig, validate } from 'us-russia-g20-story'
import { build } from 'us-russia-g20-story/render'
import { publish, pull } from 'us-russia-g20-story/sanity'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { formatContentFile } from '../src/sanity/content-file.js'
import type { SanityApi } from '../tools/sanity-api/server.js'
import { PACKAGE_ROOT, runScript } from './build-helpers.js'
import { ancestors, attr, Page, text } from './fixtures/render/html.js'
import {
  FAST_RETRY,
  gitChanges,
  gitCommitAll,
  gitInit,
  startApi,
  testPng,
} from './publish-helpers.js'

const STORIES = join(PACKAGE_ROOT, 'tests', 'fixtures', 'content-two-stories')
const FERRY = 'article-testville-ferry-resumes'
const LIBRARY = 'article-testville-library-reading-room'

const roots: string[] = []
let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

/** A package folder whose content/ is a copy of the two stories, with the repo's site settings. */
function twoStoryRoot(): { root: string; contentDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'two-stories-'))
  roots.push(root)
  cpSync(STORIES, join(root, 'content'), { recursive: true })
  cpSync(join(PACKAGE_ROOT, 'site.config.json'), join(root, 'site.config.json'))
  return { root, contentDir: join(root, 'content') }
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8')

/**
 * The two stories in a git repo, published to a fresh local API (closed after the test) and
 * committed. `prepare` changes the content first.
 */
async function publishedStories(prepare: (contentDir: string) => void = () => {}) {
  const started = await startApi()
  api = started.api
  const { root, contentDir } = twoStoryRoot()
  prepare(contentDir)
  gitInit(root)
  const options = { root, contentDir, config: started.config, retry: FAST_RETRY }
  const published = await publish(options)
  expect(published.status).toBe('published')
  gitCommitAll(root, 'publish')
  return { api: started.api, root, contentDir, options }
}

describe('two stories that share a person', () => {
  it('validate: both stories, nine documents, no problem', async () => {
    const report = await validate([STORIES])
    expect(report).toMatchObject({ valid: true, documents: 9, problems: [] })
    const cli = runScript('validate', [STORIES])
    expect(cli.status).toBe(0)
  })

  it('build: the home page lists them newest first, and each has its page and its who-said-what page', async () => {
    const { root } = twoStoryRoot()
    const result = await build({ root })
    expect(result.ok).toBe(true)
    const site = join('dist', 'site')
    const home = new Page('index.html', read(root, join(site, 'index.html')))
    const listed = home.all('h2').flatMap((h2) => h2.childNodes.filter((n) => n.nodeName === 'a'))
    expect(listed.map((a) => attr(a as never, 'href'))).toEqual([
      'articles/testville-library-reading-room/index.html',
      'articles/testville-ferry-resumes/index.html',
    ])
    // The newer story is in British English; the home page, in the site's language, says so.
    expect(read(root, join(site, 'index.html'))).toContain('<li lang="en-GB">')
    const library = read(root, join(site, 'articles/testville-library-reading-room/index.html'))
    expect(library).toContain('<html lang="en-GB">')
    const index = new Page('quotes/index.html', read(root, join(site, 'quotes/index.html')))
    const inMain = index.all('a').filter((a) => ancestors(a).some((up) => up.tagName === 'main'))
    expect(inMain.map((a) => attr(a, 'href'))).toEqual([
      'testville-library-reading-room/index.html',
      'testville-ferry-resumes/index.html',
    ])
    for (const [slug, quotes] of [
      ['testville-ferry-resumes', ['quote-ada-crew', 'quote-ada-timetable']],
      ['testville-library-reading-room', ['quote-bo-welcome', 'quote-ada-quiet-place']],
    ] as const) {
      const path = `quotes/${slug}/index.html`
      const page = new Page(path, read(root, join(site, path)))
      const ids = page.all('li').flatMap((li) => attr(li, 'id') ?? [])
      expect(ids, path).toEqual(quotes)
    }
    const ninjs = JSON.parse(read(root, join('dist', 'ninjs', `${LIBRARY}.json`)))
    expect(ninjs).toMatchObject({ language: 'en-GB', uri: expect.stringMatching(/^https:/) })
    expect(existsSync(join(root, 'dist', 'ninjs', `${FERRY}.json`))).toBe(true)
  })

  it("build: a person's page gathers their quotes from both stories, in reading order", async () => {
    const { root } = twoStoryRoot()
    expect((await build({ root })).ok).toBe(true)
    const path = 'people/ada-example/index.html'
    const page = new Page(path, read(root, join('dist', 'site', path)))
    // Under each story's headline (newest first), its quotes in reading order.
    expect(page.all('h3').map((h3) => text(h3))).toEqual([
      'Testville library opens a reading room (test story)',
      'Testville ferry resumes after repairs (test story)',
    ])
    const words = page
      .all('ol')
      .filter((ol) => attr(ol, 'class') === 'quote-list')
      .map((ol) => ol.childNodes.filter((node) => node.nodeName === 'li').map((li) => text(li)))
    expect(words).toHaveLength(2)
    expect(words[0]).toEqual([expect.stringContaining('a quiet place for the whole town')])
    expect(words[1]).toEqual([
      expect.stringContaining('The crew worked day and night'),
      expect.stringContaining('the timetable would not change'),
    ])
    const articles = page.all('a').map((a) => attr(a, 'href'))
    expect(articles).toContain('../../articles/testville-library-reading-room/index.html')
    expect(articles).toContain('../../articles/testville-ferry-resumes/index.html')
  })

  it('render: the site of both stories, from --content', () => {
    const out = mkdtempSync(join(tmpdir(), 'two-stories-render-'))
    roots.push(out)
    const result = runScript('render', ['--content', STORIES, '--out', join(out, 'site')])
    expect(result.status).toBe(0)
    // Home, who said what, two articles, their two who-said-what pages, two people, and the
    // people and organizations indexes.
    expect(result.stderr).toMatch(/wrote 10 pages/)
  })

  it('publish, then pull: a round trip changes no file, whatever the folders', async () => {
    const { api, root, options } = await publishedStories()
    const articles = api.documents().filter((d) => d._type === 'article')
    expect(articles.map((d) => d._id).sort()).toEqual([FERRY, LIBRARY])
    const report = await pull(options)
    expect(report).toMatchObject({ status: 'ok', created: [], updated: [], deleted: [] })
    expect(report.unchanged).toBe(9)
    expect(gitChanges(root)).toBe('')
  })

  it("pull writes an edited document back to its own file, in its story's folder, and a new one to its type's folder", async () => {
    const started = await publishedStories()
    const { root, contentDir, options } = started
    started.api.editorEdit('quote-ada-crew', (doc) => ({ ...doc, via: 'a statement' }))
    started.api.editorEdit(LIBRARY, (doc) => ({ ...doc, headline: `${doc.headline as string}!` }))
    const report = await pull(options)
    expect(report.status).toBe('ok')
    expect(report.updated).toEqual([
      { id: LIBRARY, file: `content/library/${LIBRARY}.json` },
      { id: 'quote-ada-crew', file: 'content/ferry/quote-ada-crew.json' },
    ])
    const edited = JSON.parse(read(contentDir, 'ferry/quote-ada-crew.json'))
    expect(edited.via).toBe('a statement')
    expect(existsSync(join(contentDir, 'quotes'))).toBe(false)
    gitCommitAll(root, 'pull')

    const documents = started.api.documents().filter((d) => !d._type.startsWith('sanity.'))
    documents.push({
      _id: 'person-cy-placeholder',
      _type: 'person',
      name: 'Cy Placeholder',
      slug: { _type: 'slug', current: 'cy-placeholder' },
    })
    await started.api.close()
    const next = await startApi({ documents })
    api = next.api
    const created = await pull({ ...options, config: next.config })
    expect(created.created).toEqual([
      { id: 'person-cy-placeholder', file: 'content/people/person-cy-placeholder.json' },
    ])
  })

  it("publish finds a photo's image beside its JSON, whatever the folder", async () => {
    const { api, root, contentDir, options } = await publishedStories((dir) =>
      writeFileSync(join(dir, 'ferry', 'photo-testville-ferry.png'), testPng(4, 3)),
    )
    const photo = api.documents().find((d) => d._id === 'photo-testville-ferry')
    expect(photo?.image).toMatchObject({ asset: { _ref: expect.stringMatching(/-4x3-png$/) } })
    // Pull leaves the image out of the JSON again: the binary beside it gives it.
    expect((await pull(options)).unchanged).toBe(9)
    expect(gitChanges(root)).toBe('')
    expect(read(contentDir, 'ferry/photo-testville-ferry.json')).toBe(
      formatContentFile(JSON.parse(read(contentDir, 'ferry/photo-testville-ferry.json'))),
    )
  })

  it('the site settings of the repository are the ones these builds use', () => {
    expect(readSiteConfig(PACKAGE_ROOT)?.url).toBe('https://news.example.org/')
  })
})
