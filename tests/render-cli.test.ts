/**
 * `npm run render` as a user runs it: the compiled script (npm test compiles first, in pretest),
 * its output, its files and its exit codes. No stack trace ever reaches the user.
 */
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ContentDocument, DOCUMENT_TYPE_REGISTRY } from 'us-russia-g20-story'
import { renderArticle } from 'us-russia-g20-story/render'
import { beforeAll, describe, expect, it } from 'vitest'
import { contentDocuments, ROOT, SITE } from './fixtures/render/html.js'
import { ARTICLE_ID, storyDocuments } from './fixtures/render/story.js'

const SCRIPT = join(ROOT, 'dist/lib/src/cli/bin.js')
/** The folder each document type lives in: the registry's. */
const FOLDERS = (type: ContentDocument['_type']): string => DOCUMENT_TYPE_REGISTRY[type].folder

function render(...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, 'render', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A content folder holding `documents`, one file each, as the content engineer lays them out. */
function contentFolder(documents: ContentDocument[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'render-cli-'))
  for (const document of documents) {
    mkdirSync(join(dir, FOLDERS(document._type)), { recursive: true })
    const file = join(dir, FOLDERS(document._type), `${document._id}.json`)
    writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`)
  }
  return dir
}

function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at .+[:(]/m)
}

beforeAll(() => {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run \`npm run compile\` first`)
})

describe('npm run render', () => {
  const documents = contentDocuments()
  const article = documents.find((document) => document._type === 'article')
  const id = article?._id ?? ''

  it.each(['text', 'markdown', 'html'] as const)(
    '--id --format %s prints the article',
    (format) => {
      const { code, stdout } = render('--id', id, '--format', format)
      expect(code).toBe(0)
      expect(stdout).toBe(renderArticle(documents, id, format, { site: SITE }))
    },
  )

  it('exits 2 for an unknown id, listing the article ids', () => {
    const { code, stderr } = render('--id', 'article-nope', '--format', 'text')
    expect(code).toBe(2)
    expect(stderr).toContain(
      `No article has the id "article-nope": use one of the article ids: ${id}.`,
    )
    expectNoStackTrace(stderr)
  })

  it.each([
    [['--format', 'pdf'], 'Unknown --format "pdf"'],
    [['--format', 'text'], '--format text renders one article: add --id ARTICLE_ID.'],
    [
      ['--colour'],
      'unknown option --colour: render takes --id, --format, --out, --content, --site-config, --help.',
    ],
  ])('exits 2 with the usage for %j', (args, message) => {
    const { code, stderr } = render(...args)
    expect(code).toBe(2)
    expect(stderr).toContain(message)
    expect(stderr).toContain('Usage: us-russia-g20-story render')
  })

  it('writes the whole site to --out, and replaces it whole, with no leftovers', () => {
    const parent = mkdtempSync(join(tmpdir(), 'render-out-'))
    const out = join(parent, 'site')
    expect(render('--out', out).code).toBe(0)
    const { code, stderr } = render('--out', out)
    expect(code).toBe(0)
    expect(stderr).toMatch(/wrote 23 pages/)
    expect(readdirSync(parent)).toEqual(['site'])
    expect(readFileSync(join(out, 'quotes/index.html'), 'utf8')).toContain('<h1>Who said what</h1>')
    expect(
      existsSync(
        join(
          out,
          `articles/${article?._type === 'article' ? article.slug.current : ''}/index.html`,
        ),
      ),
    ).toBe(true)
  })

  it('refuses an --out inside the --content folder it reads (exit 2, nothing written)', () => {
    const content = contentFolder(storyDocuments())
    const { code, stderr } = render('--content', content, '--out', join(content, 'site'))
    expect(stderr).toContain('it is inside the content folder')
    expect(code).toBe(2)
    expect(existsSync(join(content, 'site'))).toBe(false)
  })

  it('writes one article under --out with --id', () => {
    const out = mkdtempSync(join(tmpdir(), 'render-one-'))
    const content = contentFolder(storyDocuments())
    const { code } = render(
      '--content',
      content,
      '--id',
      ARTICLE_ID,
      '--format',
      'markdown',
      '--out',
      out,
    )
    expect(code).toBe(0)
    const written = readFileSync(join(out, 'articles/test-ministers-meet/index.md'), 'utf8')
    expect(written).toBe(renderArticle(storyDocuments(), ARTICLE_ID, 'markdown', { site: SITE }))
  })

  it('exits 1 with the diagnostics, and no stack trace, when content cannot be loaded', () => {
    const content = contentFolder(storyDocuments())
    writeFileSync(join(content, 'people', 'person-broken.json'), '{ "_id": "person-broken", ')
    const { code, stderr } = render('--content', content, '--id', ARTICLE_ID, '--format', 'text')
    expect(code).toBe(1)
    expect(stderr).toMatch(/person-broken\.json:\d+:\d+/)
    expectNoStackTrace(stderr)
  })

  it('validates first: content the renderer could render but that is invalid exits 1, nothing written', () => {
    const story = storyDocuments()
    const quote = story.find((document) => document._type === 'quote')
    if (quote?._type === 'quote') quote.text = `${quote.text} (and words nobody said)`
    const content = contentFolder(story)
    const out = join(mkdtempSync(join(tmpdir(), 'render-out-')), 'site')
    const { code, stdout, stderr } = render('--content', content, '--out', out)
    expect(code).toBe(1)
    expect(stderr).toMatch(/quotes\/quote-[a-z-]+\.json:\d+:\d+/)
    expect(stderr).toContain('quote/not-verbatim')
    expect(existsSync(out)).toBe(false)
    const one = render('--content', content, '--id', ARTICLE_ID, '--format', 'text')
    expect([one.code, one.stdout]).toEqual([1, ''])
    expect(one.stderr).toContain('quote/not-verbatim')
    expect(stdout).toBe('')
    expectNoStackTrace(stderr)
  })

  it('exits 1 naming the file, line, column and rule for a block type the schema does not define', () => {
    const story = storyDocuments()
    const broken = story.find((document) => document._id === ARTICLE_ID)
    if (broken?._type === 'article') broken.body.push({ _type: 'table', _key: 't' } as never)
    const content = contentFolder(story)
    const out = join(mkdtempSync(join(tmpdir(), 'render-out-')), 'site')
    const { code, stderr } = render('--content', content, '--out', out)
    expect(code).toBe(1)
    expect(stderr).toMatch(new RegExp(`articles/${ARTICLE_ID}\\.json:\\d+:\\d+`))
    expect(stderr).toContain('Unknown block type `table`')
    expect(stderr).toContain('schema/discriminator')
    expect(existsSync(out)).toBe(false)
    expectNoStackTrace(stderr)
  })
})

describe('render --site-config FILE', () => {
  it("renders the site with that file's settings: its name on every page, its URL in the feeds", () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-site-config-'))
    const config = join(dir, 'other.site.json')
    writeFileSync(
      config,
      JSON.stringify({ url: 'https://desk.example.net/', name: 'Other Desk', language: 'en' }),
    )
    const out = join(dir, 'site')
    const result = render(
      '--content',
      contentFolder(storyDocuments()),
      '--site-config',
      config,
      '--out',
      out,
    )
    expect(result.code, result.stderr).toBe(0)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Other Desk')
    expect(readFileSync(join(out, 'feed.atom'), 'utf8')).toContain('https://desk.example.net/')
  })

  it('exits 2 naming the flag when the file is missing, and when it is not valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-site-config-'))
    const missing = render('--site-config', join(dir, 'none.json'), '--out', join(dir, 'site'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--site-config')
    expectNoStackTrace(missing.stderr)
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{"url": "ftp://x", "name": "X", "language": "en"}')
    const invalid = render('--site-config', bad, '--out', join(dir, 'site'))
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toContain('bad.json')
    expectNoStackTrace(invalid.stderr)
  })
})
