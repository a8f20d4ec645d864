/**
 * The `import` command, run as users run it (the compiled program): what it writes, where, and
 * when it refuses; the review report; the round trip back to text; and the numbered fixtures of
 * the `import/*` rules through the whole command (exit 1, nothing written).
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEED_FILE } from './fixtures/seed/index.js'
import { fixtureTarget, importFixtures } from './import-helpers.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const BIN = join(ROOT, 'dist/lib/src/cli/bin.js')
const ARTICLE = 'article-first-top-level-us-russia-meeting-after-ukraine-war'

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'import-'))
}

/** Every file and folder under `dir`, relative, sorted: to see that nothing was written. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort()
}

/** Every file under `dir` with its bytes: to see that nothing was changed. */
function contentsUnder(dir: string): [string, string][] {
  return filesUnder(dir)
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => [file, readFileSync(join(dir, file), 'latin1')])
}

/** Lines without surrounding white space, blank lines dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** The story's lines, the caption printed twice in a row kept once. */
function storyLines(text: string): string[] {
  return lines(text).filter((line, i, all) => i === 0 || line !== all[i - 1])
}

describe('import of the seed into an empty folder', () => {
  const out = scratch()
  const result = run(['import', SEED_FILE, '--out', out])

  it('exits 0 and lists what it added', () => {
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      `created  ${join(out, 'articles', `${ARTICLE}.json`)}  (${ARTICLE})`,
    )
  })

  it('writes each document in its type’s folder, as pull would', () => {
    expect(filesUnder(out)).toEqual(
      expect.arrayContaining([
        'articles',
        join('articles', `${ARTICLE}.json`),
        'photos',
        join('photos', 'photo-first-top-level-us-russia-meeting-after-ukraine-war.json'),
      ]),
    )
    const text = readFileSync(join(out, 'articles', `${ARTICLE}.json`), 'utf8')
    expect(JSON.parse(text)).toMatchObject({ _id: ARTICLE, datePublished: '2023-03-03' })
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('leaves a folder validate accepts', () => {
    expect(run(['validate', out]).code).toBe(0)
  })

  it('follows with a review report: the alt text taken from the caption', () => {
    expect(result.stdout).toMatch(/Review \(\d+ to check before publishing\):/)
    expect(result.stdout).toContain('[import/alt-from-caption]')
  })

  it('renders back as text line for line, the repeated caption once', () => {
    const rendered = run(['render', '--content', out, '--id', ARTICLE, '--format', 'text'])
    expect(rendered.code).toBe(0)
    expect(lines(rendered.stdout)).toEqual(storyLines(readFileSync(SEED_FILE, 'utf8')))
  })

  it('refuses to import the same story again: nothing existing is changed', () => {
    const before = contentsUnder(out)
    const again = run(['import', SEED_FILE, '--out', out])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('[import/existing-id]')
    expect(again.stderr).toContain('Nothing was written')
    expect(contentsUnder(out)).toEqual(before)
  })
})

describe('import of a story with a quote across paragraphs', () => {
  const story = join(ROOT, 'tests/fixtures/import/stories/city-council-tram.txt')
  const article = 'article-harbourton-council-approves-tram-line-after-stormy-debate'
  const out = scratch()
  const result = run(['import', story, '--out', out])
  const quoteId = 'quote-marsh-this-city-has-talked'

  it('writes the quote as one Quote, its words joined, annotated in both paragraphs', () => {
    expect(result.code).toBe(0)
    expect(readdirSync(join(out, 'quotes')).filter((f) => f.startsWith(quoteId))).toEqual([
      `${quoteId}.json`,
    ])
    const quote = JSON.parse(readFileSync(join(out, 'quotes', `${quoteId}.json`), 'utf8'))
    expect(quote.text).toMatch(/started building\. Every bus on the harbour road/)
    const text = readFileSync(join(out, 'articles', `${article}.json`), 'utf8')
    expect(text.split(`"_ref": "${quoteId}"`)).toHaveLength(3)
    expect(result.stdout).not.toContain('quote-split')
  })

  it('leaves a folder validate accepts, and renders back as text line for line', () => {
    expect(run(['validate', out]).code).toBe(0)
    const rendered = run(['render', '--content', out, '--id', article, '--format', 'text'])
    expect(rendered.code).toBe(0)
    expect(lines(rendered.stdout)).toEqual(storyLines(readFileSync(story, 'utf8')))
  })
})

describe('round trip of layout variants', () => {
  const seed = readFileSync(SEED_FILE, 'utf8')

  it.each([
    ['CRLF and trailing spaces', seed.replace(/\n/g, '  \r\n')],
    ['a caption printed once', seed.split('\n').toSpliced(7, 1).join('\n')],
    [
      'dashes for bullets and curly quotes made straight',
      seed.replace(/•/g, '-').replace(/[“”]/g, '"'),
    ],
  ])('%s', (_, text) => {
    const dir = scratch()
    const story = join(dir, 'story.txt')
    writeFileSync(story, text)
    const out = join(dir, 'out')
    expect(run(['import', story, '--out', out]).code).toBe(0)
    const rendered = run(['render', '--content', out, '--id', ARTICLE, '--format', 'text'])
    const expected = storyLines(text).map((line) => line.replace(/^- /, '• '))
    expect(lines(rendered.stdout)).toEqual(expected)
  })
})

describe('--dry-run', () => {
  it('prints the paths and ids it would write, and writes nothing', () => {
    const out = scratch()
    const result = run(['import', SEED_FILE, '--out', out, '--dry-run'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      `would create  ${join(out, 'articles', `${ARTICLE}.json`)}  (${ARTICLE})`,
    )
    expect(result.stdout).toMatch(
      /Dry run: \d+ documents would be added to .*; nothing was written\./,
    )
    expect(filesUnder(out)).toEqual([])
  })

  it('prints the documents themselves in json', () => {
    const out = scratch()
    const result = run(['import', SEED_FILE, '--out', out, '--dry-run', '--format', 'json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report).toMatchObject({ status: 'planned', dryRun: true, problems: [] })
    expect(report.writes[0]).toMatchObject({
      id: ARTICLE,
      type: 'article',
      document: { _id: ARTICLE, headline: 'First top-level US-Russia meeting after Ukraine war' },
    })
    expect(report.review).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'import/alt-from-caption' })]),
    )
    expect(filesUnder(out)).toEqual([])
  })
})

describe('the target folder', () => {
  it('adds to a content folder, and changes none of its files', () => {
    const out = scratch()
    for (const folder of ['people', 'organizations'])
      cpSync(join(ROOT, 'content', folder), join(out, folder), { recursive: true })
    const before = contentsUnder(out)
    const result = run(['import', SEED_FILE, '--out', out])
    expect(result.code).toBe(0)
    expect(contentsUnder(out)).toEqual(expect.arrayContaining(before))
    expect(contentsUnder(out).length).toBeGreaterThan(before.length)
    expect(run(['validate', out]).code).toBe(0)
  })

  it.each([
    ['a folder of other files', (dir: string) => writeFileSync(join(dir, 'notes.txt'), 'x')],
    ['a folder with a foreign sub-folder', (dir: string) => mkdirSync(join(dir, 'src'))],
  ])('refuses %s, exit 2, and writes nothing', (_, prepare) => {
    const out = scratch()
    prepare(out)
    const before = filesUnder(out)
    const result = run(['import', SEED_FILE, '--out', out])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('neither empty nor a content folder')
    expect(filesUnder(out)).toEqual(before)
  })

  it('refuses a file as --out, exit 2', () => {
    const result = run(['import', SEED_FILE, '--out', SEED_FILE])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('is a file, not a folder')
  })
})

describe('usage and environment', () => {
  it('exits 2 for a story that does not exist, with file, line, column and rule', () => {
    const out = scratch()
    const result = run(['import', join(out, 'missing.txt'), '--out', out])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /missing\.txt:1:1 +error +Cannot read the story .*no such file.*\[input\/unreadable\]/,
    )
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 2 without a story, with the usage', () => {
    const result = run(['import'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Usage: us-russia-g20-story import <story.txt>')
  })

  it('is listed in the program’s help', () => {
    expect(run(['--help']).stdout).toMatch(/^ {2}import +import a wire story/m)
  })
})

describe('numbered import fixtures, through the command', () => {
  it.each(importFixtures())(
    '$name: exit 1, its problems, nothing written',
    ({ name, input, problems }) => {
      const dir = scratch()
      const story = join(dir, `${name}.txt`)
      writeFileSync(story, input())
      const out = join(dir, 'out')
      fixtureTarget(name, out)
      const before = filesUnder(out)
      const result = run(['import', `${name}.txt`, '--out', 'out', '--format', 'json'], dir)
      expect(result.code).toBe(1)
      expect(JSON.parse(result.stdout).problems).toEqual(problems)
      expect(filesUnder(out)).toEqual(before)
    },
  )
})
