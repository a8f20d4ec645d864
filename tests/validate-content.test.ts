import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { Readable } from 'node:stream'
import { validate } from 'us-russia-g20-story'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Diagnostic } from '../src/diagnostics.js'
import { PortableTextChecker } from '../src/validator/checks/portable-text.js'
import { ReferenceCollector } from '../src/validator/checks/references.js'
import { schemaFindings } from '../src/validator/checks/schema.js'
import { decoratorNames } from '../src/validator/checks/vocabulary.js'
import { walk, walkWithPaths } from '../src/validator/checks/walk.js'
import { sortProblems, validateContent } from '../src/validator/validate.js'
import { BOTH_WAYS, ROOT, runValidate, UNDER_MUTATION } from './validate-cli.js'

const CONTENT = join(ROOT, 'content')

// biome-ignore lint/suspicious/noExplicitAny: the breakages edit arbitrary nested JSON.
type Json = Record<string, any>

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
}

const temps: string[] = []
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

/** A copy of content/ in a temporary folder. */
function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'validate-content-'))
  temps.push(dir)
  cpSync(CONTENT, join(dir, 'content'), { recursive: true })
  return join(dir, 'content')
}

function read(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json
}

function write(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}

/** The first file of a folder of the copy, e.g. the article. */
function first(copy: string, folder: string): string {
  const name = readdirSync(join(copy, folder)).sort()[0]
  if (!name) throw new Error(`content/${folder} is empty`)
  return join(copy, folder, name)
}

/** The index of the first body block with a markDef of `type`, and that markDef's index. */
function blockWith(article: Json, type: string): [number, number] {
  for (const [b, block] of (article.body as Json[]).entries()) {
    const d = ((block.markDefs ?? []) as Json[]).findIndex((m) => m._type === type)
    if (d !== -1) return [b, d]
  }
  throw new Error(`no ${type} annotation in the article`)
}

describe('content/', () => {
  it('validates with no error and no warning', async () => {
    const report = await validate([])
    expect(report.problems).toEqual([])
    expect(report.valid).toBe(true)
    expect(report.documents).toBe(filesUnder(CONTENT).length)
  })

  // The CLI runs dist/, which mutation testing never changes: under it, this run only costs time.
  it.skipIf(UNDER_MUTATION)(
    'validates through the CLI (exit 0), without writing to content/',
    () => {
      const before = filesUnder(CONTENT).map((f) => [
        f,
        readFileSync(join(CONTENT, f), 'utf8'),
        statSync(join(CONTENT, f)).mtimeMs,
      ])
      const { code, stdout } = runValidate([])
      expect(stdout).toMatch(/^✔ \d+ documents valid\n$/)
      expect(code).toBe(0)
      const after = filesUnder(CONTENT).map((f) => [
        f,
        readFileSync(join(CONTENT, f), 'utf8'),
        statSync(join(CONTENT, f)).mtimeMs,
      ])
      expect(after).toEqual(before)
    },
  )

  it('never mutates the documents it checks (deep-frozen values pass through every check)', () => {
    const deepFreeze = (value: unknown): void => {
      if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value)
        for (const child of Object.values(value)) deepFreeze(child)
      }
    }
    for (const file of filesUnder(CONTENT)) {
      const document = read(join(CONTENT, file))
      const copy = structuredClone(document)
      deepFreeze(document)
      const references = new ReferenceCollector(() => undefined)
      const portableText = new PortableTextChecker(decoratorNames(), () => undefined, [])
      const visitor = {
        object: (o: Json, path?: readonly (string | number)[]) => {
          if (typeof o._type === 'string') references.object(o, o._type, path)
          if (o._type === 'block') portableText.block(o, path)
        },
        array: (a: readonly unknown[], path?: readonly (string | number)[]) =>
          portableText.array(a, path),
      }
      walk(document, visitor)
      walkWithPaths(document, visitor)
      schemaFindings(document._type, document, { identityReported: false })
      expect(document).toEqual(copy)
    }
  })
})

interface Breakage {
  name: string
  rule: string
  severity?: 'error' | 'warning'
  /** Break the copy; returns the file (relative to the copy's parent) and pointer expected. */
  apply(copy: string): { file: string; pointer?: string }
}

const breakages: Breakage[] = [
  {
    name: 'a file cut short',
    rule: 'json/syntax',
    apply(copy) {
      const file = first(copy, 'people')
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40))
      return { file }
    },
  },
  {
    name: 'a byte that is not UTF-8',
    rule: 'json/encoding',
    apply(copy) {
      const file = first(copy, 'people')
      const bytes = readFileSync(file)
      bytes[bytes.indexOf(0x22, 20) + 1] = 0xff
      writeFileSync(file, bytes)
      return { file }
    },
  },
  {
    name: 'a repeated key',
    rule: 'json/duplicate-key',
    apply(copy) {
      const file = first(copy, 'people')
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('"_type"', '"name": "Someone",\n  "_type"'),
      )
      return { file, pointer: '/name' }
    },
  },
  {
    name: 'a __proto__ key',
    rule: 'json/proto-key',
    apply(copy) {
      const file = first(copy, 'people')
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('"_type"', '"__proto__": {},\n  "_type"'),
      )
      return { file, pointer: '/__proto__' }
    },
  },
  {
    name: 'a document with no _id',
    rule: 'document/missing-id',
    apply(copy) {
      const file = first(copy, 'photos')
      const { _id, ...rest } = read(file)
      write(file, rest)
      return { file, pointer: '' }
    },
  },
  {
    name: 'an unknown _type',
    rule: 'document/unknown-type',
    apply(copy) {
      const file = first(copy, 'people')
      write(file, { ...read(file), _type: 'author' })
      return { file, pointer: '/_type' }
    },
  },
  {
    name: 'two documents with one _id',
    rule: 'document/duplicate-id',
    apply(copy) {
      const [a, b] = readdirSync(join(copy, 'people')).sort()
      const firstPerson = read(join(copy, 'people', a as string))
      write(join(copy, 'people', b as string), {
        ...read(join(copy, 'people', b as string)),
        _id: firstPerson._id,
      })
      return { file: join(copy, 'people', b as string), pointer: '/_id' }
    },
  },
  {
    name: 'an unknown field',
    rule: 'schema/additional-properties',
    apply(copy) {
      const file = first(copy, 'articles')
      write(file, { ...read(file), summary: 'x' })
      return { file, pointer: '/summary' }
    },
  },
  {
    name: 'a javascript: link',
    rule: 'schema/pattern',
    apply(copy) {
      const file = first(copy, 'articles')
      const article = read(file)
      article.body[0].markDefs.push({ _type: 'link', _key: 'evil', href: 'javascript:alert(1)' })
      article.body[0].children[0].marks = [...(article.body[0].children[0].marks ?? []), 'evil']
      write(file, article)
      return {
        file,
        pointer: `/body/0/markDefs/${article.body[0].markDefs.length - 1}/href`,
      }
    },
  },
  {
    name: 'an unknown block type',
    rule: 'schema/discriminator',
    apply(copy) {
      const file = first(copy, 'articles')
      const article = read(file)
      article.body.push({ _type: 'video', _key: 'video1' })
      write(file, article)
      return { file, pointer: `/body/${article.body.length - 1}/_type` }
    },
  },
  {
    name: 'a quote with neither speaker nor attribution',
    rule: 'schema/conditional',
    apply(copy) {
      const name = readdirSync(join(copy, 'quotes'))
        .sort()
        .find((f) => read(join(copy, 'quotes', f)).speaker)
      const file = join(copy, 'quotes', name as string)
      const { speaker: _speaker, attribution: _attribution, ...quote } = read(file)
      write(file, quote)
      return { file, pointer: '' }
    },
  },
  {
    name: 'a reference to a person that is not there',
    rule: 'reference/dangling',
    apply(copy) {
      const file = first(copy, 'articles')
      const article = read(file)
      const [b, d] = blockWith(article, 'personMention')
      article.body[b].markDefs[d].person._ref = 'person-nobody'
      write(file, article)
      return { file, pointer: `/body/${b}/markDefs/${d}/person/_ref` }
    },
  },
  {
    name: 'a quotation that points at a person',
    rule: 'reference/wrong-type',
    apply(copy) {
      const file = first(copy, 'articles')
      const article = read(file)
      const [b, d] = blockWith(article, 'quotation')
      const person = read(first(copy, 'people'))
      article.body[b].markDefs[d].quote._ref = person._id
      write(file, article)
      return { file, pointer: `/body/${b}/markDefs/${d}/quote/_ref` }
    },
  },
  {
    name: 'two blocks with one _key',
    rule: 'array/duplicate-key',
    apply(copy) {
      const file = first(copy, 'articles')
      const article = read(file)
      article.body[1]._key = article.body[0]._key
      write(file, article)
      return { file, pointer: '/body/1/_key' }
    },
  },
  {
    name: 'a mark nobody defined',
    rule: 'portable-text/unknown-mark',
    apply(copy) {
      const file = first(copy, 'articles')
      const article = read(file)
      article.body[0].children[0].marks = ['underline']
      write(file, article)
      return { file, pointer: '/body/0/children/0/marks/0' }
    },
  },
  {
    name: 'a markDef no span uses',
    rule: 'portable-text/unused-mark-def',
    severity: 'warning',
    apply(copy) {
      const file = first(copy, 'articles')
      const article = read(file)
      article.body[0].markDefs.push({
        _type: 'link',
        _key: 'unused',
        href: 'https://www.state.gov/',
      })
      write(file, article)
      return { file, pointer: `/body/0/markDefs/${article.body[0].markDefs.length - 1}` }
    },
  },
  {
    name: 'a list that starts at level 2',
    rule: 'portable-text/list-level',
    apply(copy) {
      const file = first(copy, 'articles')
      const article = read(file)
      article.highlights[0].level = 2
      write(file, article)
      return { file, pointer: '/highlights/0/level' }
    },
  },
  {
    name: 'a quote whose words changed',
    rule: 'quote/not-verbatim',
    apply(copy) {
      const articleFile = first(copy, 'articles')
      const article = read(articleFile)
      const [b, d] = blockWith(article, 'quotation')
      const quoteId = article.body[b].markDefs[d].quote._ref
      const name = readdirSync(join(copy, 'quotes')).find(
        (f) => read(join(copy, 'quotes', f))._id === quoteId,
      )
      const quoteFile = join(copy, 'quotes', name as string)
      const quote = read(quoteFile)
      write(quoteFile, { ...quote, kind: 'direct', text: `${quote.text} (edited)` })
      // The quote is what changed, and what to correct: the problem is on its text.
      return { file: quoteFile, pointer: '/text' }
    },
  },
  {
    name: 'a quote nobody references',
    rule: 'quote/unreferenced',
    severity: 'warning',
    apply(copy) {
      const file = join(copy, 'quotes', 'quote-zz-unused.json')
      write(file, {
        _id: 'quote-zz-unused',
        _type: 'quote',
        text: 'nonsense',
        kind: 'partial',
        attribution: 'The Pentagon',
      })
      return { file, pointer: '/_id' }
    },
  },
]

describe.each(BOTH_WAYS)('breaking one rule in a copy of content/ ($way)', ({ run }) => {
  it.each(breakages)('$name → $rule', async ({ rule, severity = 'error', apply }) => {
    const copy = copyContent()
    const broken = apply(copy)
    const parent = join(copy, '..')
    const { code, report } = await run(['content'], { cwd: parent })
    const problem = report.problems.find((p) => p.rule === rule)
    expect(problem, JSON.stringify(report.problems, null, 2)).toBeDefined()
    expect(problem?.severity).toBe(severity)
    expect(problem?.file).toBe(relative(parent, broken.file))
    expect(problem?.line).toBeGreaterThan(0)
    expect(problem?.column).toBeGreaterThan(0)
    if (broken.pointer !== undefined) expect(problem?.pointer).toBe(broken.pointer)
    expect(code).toBe(severity === 'error' ? 1 : 0)
  })
})

// The package root is replaced by a temporary one, whose content/ (a copy) can be broken without
// touching the package's: its schemas are the package's.
describe('a file inside content/ is checked in the context of the rest of it', () => {
  let root = ''
  let mocked: typeof import('../src/validator/validate.js')
  const ARTICLE =
    'content/articles/article-first-top-level-us-russia-meeting-after-ukraine-war.json'
  const BROKEN = 'content/people/person-antony-blinken.json'

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'validate-root-'))
    temps.push(root)
    symlinkSync(join(ROOT, 'schemas'), join(root, 'schemas'))
    cpSync(CONTENT, join(root, 'content'), { recursive: true })
    // A problem in a context file: never the user's question when another file is named.
    write(join(root, BROKEN), { ...read(join(CONTENT, BROKEN.slice('content/'.length))), name: 5 })
    vi.resetModules()
    vi.doMock('../src/package-root.js', () => ({ packageRoot: () => root }))
    mocked = await import('../src/validator/validate.js')
  })
  afterAll(() => {
    vi.doUnmock('../src/package-root.js')
    vi.resetModules()
  })
  const check = (inputs: string[], stdin?: string) =>
    mocked.validate(inputs, {
      cwd: root,
      workers: 0,
      stdin: stdin === undefined ? undefined : Readable.from([stdin]),
    })
  const rules = (problems: { file: string; rule: string }[]) =>
    problems.map(({ file, rule }) => [file, rule])

  it('resolves its references there, and reports only its own problems', async () => {
    const report = await check([ARTICLE])
    expect(report).toEqual({ valid: true, documents: 1, problems: [] })
    // Named by its full path, it is still not read twice (no duplicate _id).
    expect(await check([join(root, ARTICLE)])).toEqual({ valid: true, documents: 1, problems: [] })
  })

  it('reports the named file that has the problem, by the name given', async () => {
    const report = await check([BROKEN, 'content/photos'])
    expect(rules(report.problems)).toEqual([[BROKEN, 'schema/type']])
    expect(report.documents).toBe(2)
  })

  it('adds nothing when the whole of content/ is named, or no file in it', async () => {
    const all = await check(['content'])
    expect(rules(all.problems)).toEqual([[BROKEN, 'schema/type']])
    expect(all.documents).toBe(filesUnder(join(root, 'content')).length)
    writeFileSync(join(root, 'outside.ndjson'), `${JSON.stringify(read(join(root, ARTICLE)))}\n`)
    const outside = await check(['outside.ndjson'])
    expect(outside.documents).toBe(1)
    expect(outside.problems.length).toBeGreaterThan(10)
    expect(new Set(outside.problems.map((p) => p.rule))).toEqual(new Set(['reference/dangling']))
  })

  it('adds the context when any named file is inside, files or stdin beside it', async () => {
    const person = JSON.stringify({
      _id: 'person-stdin',
      _type: 'person',
      name: 'S',
      slug: { _type: 'slug', current: 'stdin' },
    })
    writeFileSync(join(root, 'outside.json'), person.replace(/stdin/g, 'outside'))
    const report = await check(['outside.json', '-', ARTICLE], `${person}\n`)
    expect(report).toEqual({ valid: true, documents: 3, problems: [] })
  })

  it('validates the package content/ when no path is named, named from the working folder', async () => {
    const report = await mocked.validate([], { cwd: root, workers: 0 })
    expect(rules(report.problems)).toEqual([[BROKEN, 'schema/type']])
    const fromPeople = await mocked.validate([], { cwd: join(root, 'content', 'people') })
    expect(rules(fromPeople.problems)).toEqual([[join(root, BROKEN), 'schema/type']])
  })

  it('defaultContentDir: relative from a folder above it, else absolute', () => {
    const content = join(root, 'content')
    expect(mocked.defaultContentDir(root)).toBe('content')
    expect(mocked.defaultContentDir(content)).toBe('.')
    expect(mocked.defaultContentDir(join(content, 'people'))).toBe(content)
    expect(mocked.defaultContentDir(join(root, 'elsewhere'))).toBe(content)
    expect(mocked.defaultContentDir('/')).toBe(content.slice(1))
  })
})

describe('validateContent: .json files held in memory, checked together', () => {
  const person = read(join(CONTENT, 'people', 'person-antony-blinken.json'))
  const quote = {
    _id: 'quote-memory',
    _type: 'quote',
    text: 'é',
    kind: 'partial',
    speaker: { _type: 'reference', _ref: 'person-nobody' },
  }

  it('as text or bytes, pretty-printed: references across them, problems placed in each', async () => {
    const text = JSON.stringify(quote, null, 2)
    const { report, documents } = await validateContent({
      files: [
        {
          file: 'people/p.json',
          content: new TextEncoder().encode(JSON.stringify(person, null, 2)),
        },
        { file: 'quotes/q.json', content: text },
        {
          file: 'quotes/q2.json',
          content: new TextEncoder().encode(text.replace('quote-memory', 'quote-memory-2')),
        },
      ],
    })
    expect(report.valid).toBe(false)
    expect(report.documents).toBe(3)
    // Invalid content is never handed out.
    expect(documents).toEqual([])
    expect(
      report.problems.map(({ file, line, column, rule }) => [file, line, column, rule]),
    ).toEqual([
      ['quotes/q.json', 2, 10, 'quote/unreferenced'],
      ['quotes/q.json', 8, 13, 'reference/dangling'],
      ['quotes/q2.json', 2, 10, 'quote/unreferenced'],
      ['quotes/q2.json', 8, 13, 'reference/dangling'],
    ])
    const linked = { ...quote, speaker: { ...quote.speaker, _ref: person._id } }
    const fine = await validateContent({
      files: [
        { file: 'p.json', content: JSON.stringify(person) },
        { file: 'q.json', content: JSON.stringify(linked) },
      ],
    })
    expect(fine.report.problems.map((p) => p.rule)).toEqual(['quote/unreferenced'])
    // The documents validated, in order, as parsed, and where each is.
    expect(fine.documents).toEqual([person, linked])
    expect(fine.places).toEqual([
      { file: 'p.json', line: 1 },
      { file: 'q.json', line: 1 },
    ])
    // No files: nothing to validate (not the package's content/).
    const none = await validateContent({ files: [] })
    expect([none.report.documents, none.documents]).toEqual([0, []])
  })
})

describe('sortProblems: by file in input order, then line, column and rule', () => {
  const problem = (file: string, line: number, column: number, rule: string, message = '') =>
    ({
      severity: 'error',
      rule,
      message,
      file,
      line,
      column,
      pointer: '',
      documentId: null,
    }) as Diagnostic
  const sources = ['b.json', 'a.ndjson'].map(
    (file) => ({ kind: 'json', file, path: file, size: 0 }) as const,
  )

  it('puts paths that could not be read first, and keeps the order of problems that tie', () => {
    // Built in order: a path that could not be read, then each file's problems by line, column and rule.
    const sorted = [problem('missing.json', 1, 1, 'input/unreadable')]
    for (const file of ['b.json', 'a.ndjson'])
      for (const line of [1, 2, 10, 11])
        for (const column of [1, 2, 30])
          for (const rule of ['document/duplicate-id', 'json/syntax', 'schema/type'])
            sorted.push(problem(file, line, column, rule))
    const shuffled = sorted.map((_, i) => sorted[(i * 37) % sorted.length] as Diagnostic)
    expect(new Set(shuffled).size).toBe(sorted.length)
    expect(sortProblems([...shuffled], sources)).toEqual(sorted)
    expect(sortProblems([...sorted].reverse(), sources)).toEqual(sorted)
    // Problems that tie keep the order they were found in.
    const ties = ['first', 'second', 'third'].map((m) =>
      problem('a.ndjson', 2, 3, 'json/syntax', m),
    )
    const mixed = [problem('a.ndjson', 2, 3, 'schema/type'), ...ties, problem('b.json', 9, 9, 'x')]
    expect(sortProblems([...mixed], sources).map((p) => p.message || p.rule)).toEqual([
      'x',
      'first',
      'second',
      'third',
      'schema/type',
    ])
  })
})
