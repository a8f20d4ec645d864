import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { validate } from 'us-russia-g20-story'
import { afterAll, describe, expect, it } from 'vitest'
import { PortableTextChecker } from '../src/check/portable-text.js'
import { ReferenceCollector } from '../src/check/references.js'
import { schemaFindings } from '../src/check/schema.js'
import { decoratorNames } from '../src/check/vocabulary.js'
import { walk, walkWithPaths } from '../src/check/walk.js'
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
    name: 'a quote with both speaker and attribution',
    rule: 'schema/conditional',
    apply(copy) {
      const name = readdirSync(join(copy, 'quotes'))
        .sort()
        .find((f) => read(join(copy, 'quotes', f)).speaker)
      const file = join(copy, 'quotes', name as string)
      write(file, { ...read(file), attribution: 'a senior US official' })
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
