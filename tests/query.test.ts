/**
 * GROQ over the local content: `queryContent` and `npm run query` (the compiled script; npm test
 * compiles first, in pretest). Expected values are read from the content files themselves.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GroqSyntaxError } from 'groq-js'
import {
  type ContentDocument,
  describeMissingParameter,
  describeQueryError,
  MissingParameterError,
  queryContent,
} from 'us-russia-g20-story'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const CONTENT = join(ROOT, 'content')
const SCRIPT = join(ROOT, 'dist/lib/src/cli/bin.js')

/** Every content file, parsed: the reference the query results are checked against. */
function contentFiles(dir = CONTENT): ContentDocument[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as ContentDocument)
}

const documents = contentFiles()
const byId = new Map(documents.map((d) => [d._id, d]))
type QuoteDoc = Extract<ContentDocument, { _type: 'quote' }>
const quotes = documents.filter((d): d is QuoteDoc => d._type === 'quote')

/** What the files say each quote's speaker is called: the name on the person or organization it references. */
function speakerName(quote: QuoteDoc): string | null {
  if (!quote.speaker) return null
  const speaker = byId.get(quote.speaker._ref)
  return speaker?._type === 'person' || speaker?._type === 'organization' ? speaker.name : null
}

const SPEAKERS_QUERY =
  '*[_type == "quote"] | order(_id asc) {_id, text, "speaker": speaker->name, attribution}'

function expectedSpeakers() {
  return [...quotes]
    .sort((a, b) => (a._id < b._id ? -1 : 1))
    .map((q) => ({
      _id: q._id,
      text: q.text,
      speaker: speakerName(q),
      attribution: q.attribution ?? null,
    }))
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, 'query', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('queryContent', () => {
  it('gives every quote with its speaker’s name, dereferenced from the person and organization documents', async () => {
    expect(quotes.length).toBeGreaterThan(0)
    const result = await queryContent(SPEAKERS_QUERY, {}, documents)
    expect(result).toEqual(expectedSpeakers())
    // Every named speaker resolved: a quote with a speaker reference never comes back nameless.
    const named = (result as Array<{ speaker: string | null }>).filter((q) => q.speaker !== null)
    expect(named).toHaveLength(quotes.filter((q) => q.speaker).length)
  })

  it('takes $params', async () => {
    const [first] = quotes.filter((q) => q.speaker)
    const speakerId = first?.speaker?._ref as string
    const result = await queryContent(
      '*[_type == "quote" && speaker._ref == $id] | order(_id asc)._id',
      { id: speakerId },
      documents,
    )
    const expected = quotes
      .filter((q) => q.speaker?._ref === speakerId)
      .map((q) => q._id)
      .sort()
    expect(expected.length).toBeGreaterThan(0)
    expect(result).toEqual(expected)
  })

  it('refuses a $param the query uses but was not given, as Sanity does, naming it and where', async () => {
    const query = '*[_type == "quote" &&\n  speaker._ref == $id && "$id" != $other]'
    const error = await queryContent(query, { other: 1 }, documents).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MissingParameterError)
    expect((error as MissingParameterError).names).toEqual(['id'])
    expect((error as Error).message).toBe('param $id referenced, but not provided')
    expect(describeMissingParameter(query, error as MissingParameterError)).toContain(
      'line 2, column 19',
    )
  })

  it('throws GroqSyntaxError with the position of a syntax error', async () => {
    const query = '*[_type == "quote" && @@]'
    const error = await queryContent(query, {}, documents).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GroqSyntaxError)
    const syntax = error as GroqSyntaxError
    expect(syntax.position).toBe(query.indexOf('@@'))
    expect(syntax.line).toBe(1)
    expect(syntax.column).toBe(query.indexOf('@@') + 1)
  })

  it('describes a syntax error with line, column and a caret under the place', async () => {
    const query = '*[_type == "quote"\n  && speaker-> == ]'
    const error = (await queryContent(query, {}, documents).catch(
      (e: unknown) => e,
    )) as GroqSyntaxError
    const lines = describeQueryError(query, error).split('\n')
    expect(lines[0]).toBe(
      `GROQ syntax error at line 2, column ${error.column} (position ${error.position}): ${error.message.replace(/^.*position \d+: /, '')}`,
    )
    expect(lines[1]).toBe('    && speaker-> == ]')
    expect(lines[2]?.indexOf('^')).toBe(2 + error.column - 1)
    expect(lines[2]?.trim()).toBe('^')
  })
})

describe('npm run query', () => {
  it('prints the result as pretty JSON and exits 0', () => {
    const { code, stdout, stderr } = run(SPEAKERS_QUERY)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual(expectedSpeakers())
    expect(stdout).toBe(`${JSON.stringify(expectedSpeakers(), null, 2)}\n`)
  })

  it('passes --param name=json values', () => {
    const person = documents.find((d) => d._type === 'person') as ContentDocument
    const { code, stdout } = run(
      '*[_id == $id][0]._id',
      '--param',
      `id=${JSON.stringify(person._id)}`,
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toBe(person._id)
  })

  it('shows a syntax error with its position and a caret, and exits 1', () => {
    const query = '*[_type == "quote"][0]{text, @@}'
    const { code, stdout, stderr } = run(query)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    const position = query.indexOf('@@')
    expect(stderr).toContain(
      `query: GROQ syntax error at line 1, column ${position + 1} (position ${position})`,
    )
    const [, quoted, caret] = stderr.split('\n')
    expect(quoted).toBe(`  ${query}`)
    expect(caret).toBe(`${' '.repeat(2 + position)}^`)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 2 for usage errors: no query, a --param that is not JSON, an unknown option', () => {
    const none = run()
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Give the GROQ query as the first argument.')
    const badParam = run('*[_id == $id]', '--param', 'id=person-antony-blinken')
    expect(badParam.code).toBe(2)
    expect(badParam.stderr).toContain(
      `--param id: "person-antony-blinken" is not JSON. Quote strings: --param id='"text"'.`,
    )
    const notGiven = run('*[_id == $id]')
    expect(notGiven.code).toBe(2)
    expect(notGiven.stdout).toBe('')
    expect(notGiven.stderr).toContain('param $id referenced, but not provided')
    expect(notGiven.stderr).toContain(`--param id=`)
    const noName = run('*', '--param', '=1')
    expect(noName.code).toBe(2)
    expect(run('*', '--nope').code).toBe(2)
  })

  it('queries another folder with --content, refusing invalid content (1) and a missing folder (2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'query-content-'))
    cpSync(CONTENT, dir, { recursive: true })
    const copied = run('count(*)', '--content', dir)
    expect(copied.code).toBe(0)
    expect(JSON.parse(copied.stdout)).toBe(contentFiles(dir).length)

    const quote = quotes[0] as QuoteDoc
    const broken = { ...quote, text: 42 }
    writeFileSync(join(dir, 'quotes', `${quote._id}.json`), `${JSON.stringify(broken, null, 2)}\n`)
    const invalid = run('count(*)', '--content', dir)
    expect(invalid.code).toBe(1)
    expect(invalid.stdout).toBe('')
    expect(invalid.stderr).toContain(`${quote._id}.json:`)

    const missing = run('count(*)', '--content', join(dir, 'no-such-folder'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no-such-folder')
  })
})
