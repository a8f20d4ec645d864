import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validate } from 'us-russia-g20-story'
import { afterAll, describe, expect, it } from 'vitest'
import { messages } from '../src/messages.js'
import { expandInputs } from '../src/validator/input/sources.js'
import { BOTH_WAYS, runValidate, STACK_TRACE, UNDER_MUTATION } from './validate-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'validate-bad-input-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const person = {
  _id: 'person-antony-blinken',
  _type: 'person',
  name: 'Antony Blinken',
  slug: { _type: 'slug', current: 'antony-blinken' },
}

type Run = (typeof BOTH_WAYS)[number]['run']

/** Write a file in the temporary folder and validate it with `run` (JSON report). */
async function validated(run: Run, name: string, content: string | Buffer) {
  writeFileSync(join(dir, name), content)
  const result = await run([name], { cwd: dir })
  expect(result.stderr).not.toMatch(STACK_TRACE)
  expect(result.stdout).not.toMatch(STACK_TRACE)
  return result
}

describe.each(BOTH_WAYS)('bad input gets an error, never a stack trace ($way)', ({ run }) => {
  const check = (name: string, content: string | Buffer) => validated(run, name, content)

  it('malformed JSON: the line and column of the fault, documentId null', async () => {
    const { code, report } = await check(
      'trailing-comma.json',
      '{\n  "_id": "person-a",\n  "_type": "person",\n}\n',
    )
    expect(code).toBe(1)
    expect(report.problems).toMatchObject([
      { rule: 'json/syntax', line: 4, column: 1, pointer: '', documentId: null },
    ])
    expect(report.problems[0]?.message).toMatch(/comma/)
  })

  it('truncated JSON', async () => {
    const text = JSON.stringify(person, null, 2)
    const { code, report } = await check('truncated.json', text.slice(0, text.length / 2))
    expect(code).toBe(1)
    expect(report.problems.map((p) => [p.rule, p.documentId])).toEqual([['json/syntax', null]])
    expect(report.problems[0]?.message).toMatch(/cut off/)
  })

  it('invalid UTF-8, located at the bad byte', async () => {
    const bytes = Buffer.from(JSON.stringify(person, null, 2))
    bytes[bytes.indexOf('Blinken')] = 0xc3 // a lead byte followed by ASCII
    const { code, report } = await check('latin1.json', bytes)
    expect(code).toBe(1)
    expect(report.problems).toMatchObject([
      { rule: 'json/encoding', line: 4, column: 19, documentId: null },
    ])
  })

  it('a __proto__ key is an error of its own, and pollutes nothing', async () => {
    const text =
      '{"_id":"person-a","_type":"person","name":"A","slug":{"_type":"slug","current":"a"},"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'
    const { code, report } = await check('proto.json', `${text}\n`)
    expect(code).toBe(1)
    expect(report.problems.map((p) => [p.rule, p.pointer])).toEqual([
      ['json/proto-key', '/__proto__'],
      ['schema/additional-properties', '/constructor'],
    ])
    // In this process too: the library parses and walks the same document.
    writeFileSync(join(dir, 'proto.ndjson'), `${text}\n${text.replace('person-a', 'person-b')}\n`)
    const inProcess = await validate([join(dir, 'proto.ndjson')], { workers: 0 })
    expect(inProcess.problems.some((p) => p.rule === 'json/proto-key')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(Object.prototype)).toEqual([])
  })

  it('a 10 MB string in an unknown field is reported by the schema, in a few hundred characters', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024)
    const { code, report, stdout } = await check(
      'huge.json',
      JSON.stringify({ ...person, notes: huge }),
    )
    expect(code).toBe(1)
    expect(report.problems.map((p) => [p.rule, p.pointer])).toEqual([
      ['schema/additional-properties', '/notes'],
    ])
    const [problem] = report.problems
    expect(problem?.message.length).toBeLessThan(300)
    expect(problem?.actual?.length).toBeLessThan(300)
    expect(problem?.actual).toContain('10485760 characters')
    expect(stdout.length).toBeLessThan(2000)
  })

  it('a 10 MB link (which overflows the URI format check) is reported, not crashed on', async () => {
    const article = {
      _id: 'article-a',
      _type: 'article',
      headline: 'H',
      slug: { _type: 'slug', current: 'h' },
      datePublished: '2023-03-03',
      body: [
        {
          _type: 'block',
          _key: 'b1',
          style: 'normal',
          markDefs: [
            {
              _type: 'link',
              _key: 'l1',
              href: `https://example.com/${'a/'.repeat(5 * 1024 * 1024)} `,
            },
          ],
          children: [{ _type: 'span', _key: 's1', text: 'link', marks: ['l1'] }],
        },
      ],
    }
    const { code, report } = await check('huge-link.json', JSON.stringify(article))
    expect(code).toBe(1)
    expect(report.problems.map((p) => p.rule).sort()).toEqual([
      'schema/max-length',
      'schema/pattern',
    ])
    for (const problem of report.problems) expect(problem.message.length).toBeLessThan(400)
  })

  it('arrays nested 100,000 deep: json/max-depth, no RangeError', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const whole = await check('deep.json', deep)
    expect(whole.code).toBe(1)
    expect(whole.report.problems).toMatchObject([{ rule: 'json/max-depth', line: 1, column: 65 }])
    const inField = await check(
      'deep-field.json',
      `{"_id":"person-a","_type":"person","deep":${deep}}`,
    )
    expect(inField.report.problems.map((p) => p.rule)).toEqual(['json/max-depth'])
    expect(inField.report.problems[0]?.pointer).toBe(`/deep${'/0'.repeat(63)}`)
    // Cut short as well: the syntax error path must not recurse either.
    const truncated = await check('deep-truncated.json', deep.slice(0, 150_000))
    expect(truncated.report.problems.map((p) => p.rule)).toEqual(['json/max-depth'])
  })

  it('an empty file and a file of whitespace', async () => {
    expect((await check('empty.json', '')).report.problems).toMatchObject([
      { rule: 'json/empty', line: 1, column: 1 },
    ])
    const spaces = await check('spaces.json', ' \n\t \r\n')
    expect(spaces.code).toBe(1)
    expect(spaces.report.problems).toMatchObject([{ rule: 'json/empty', documentId: null }])
    expect((await check('blank.ndjson', '\n\r\n\n')).report.problems).toMatchObject([
      { rule: 'json/empty' },
    ])
  })

  it('a leading BOM: accepted in a .json file, an error in NDJSON (sanity dataset import rejects it)', async () => {
    const bom = '\uFEFF'
    const json = await check('bom.json', `${bom}${JSON.stringify(person, null, 2)}\n`)
    expect(json.report.problems).toEqual([])
    expect(json.code).toBe(0)
    const ndjson = await check('bom.ndjson', `${bom}${JSON.stringify(person)}\n`)
    expect(ndjson.report.problems).toMatchObject([
      { rule: 'ndjson/bom', line: 1, column: 1, documentId: person._id },
    ])
    expect(ndjson.code).toBe(1)
  })

  it('keeps documentId in the JSON output, as null, for a document that cannot be parsed', async () => {
    const { stdout } = await check(
      'broken.ndjson',
      `${JSON.stringify(person)}\n{"_id": "person-b",\n`,
    )
    expect(stdout).toContain('"documentId": null')
  })

  it('control characters in content are escaped in messages (no terminal escape sequences)', async () => {
    const { report } = await check(
      'escape.json',
      JSON.stringify({ ...person, _type: 'person\u001b[31m' }),
    )
    expect(report.problems[0]?.message).toContain('\\u001b[31m')
    expect(report.problems[0]?.message).not.toContain('\u001b')
  })
})

describe('what bad input is told, word for word', () => {
  it('an unreadable path: what the error code means, and what to do', () => {
    const words: [string, string, string][] = [
      ['ENOENT', 'no such file or directory', 'Check the path'],
      ['EACCES', 'permission denied', 'Give read permission'],
      ['EPERM', 'operation not permitted', 'Give read permission'],
      ['ENOTDIR', 'a part of the path is not a directory', 'Check the path'],
      ['ELOOP', 'too many symbolic links', 'Check the path'],
      ['EISDIR', 'it is a directory', 'Check the path'],
      ['EIO', 'it cannot be read', 'Check the path'],
    ]
    for (const [errno, meaning, fix] of words) {
      expect(messages.unreadable('a.json', errno)).toBe(
        `Cannot read \`a.json\`: ${meaning} (${errno}). ${fix}.`,
      )
    }
  })

  it('a byte that is not UTF-8, in two hexadecimal digits', () => {
    expect(messages.encoding(0xff)).toBe(
      'The text is not valid UTF-8 (byte 0xFF): save the file as UTF-8.',
    )
    expect(messages.encoding(0x5)).toBe(
      'The text is not valid UTF-8 (byte 0x05): save the file as UTF-8.',
    )
  })

  it('a syntax error: V8’s reason, and what to do about that kind of error', () => {
    const hints: [string, string][] = [
      [
        'Unexpected end of JSON input',
        'The text stops in the middle of a value (cut off?): complete it, or restore the file.',
      ],
      [
        'Unterminated string',
        'The text stops in the middle of a value (cut off?): complete it, or restore the file.',
      ],
      [
        'Expected double-quoted property name',
        'Remove the comma before it, or put the property name in double quotes.',
      ],
      [
        "Expected ',' or '}' after property value",
        'Add the missing comma, or close the object with `}`.',
      ],
      [
        "Expected ',' or ']' after array element",
        'Add the missing comma, or close the array with `]`.',
      ],
      ["Expected ':' after property name", 'Put a `:` between the name and its value.'],
      [
        'Bad control character in string literal',
        'Write tabs and line breaks inside strings as \\t and \\n.',
      ],
      ['Bad escaped character', 'Use a JSON escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX.'],
      [
        'Unexpected non-whitespace character after JSON',
        'A .json file holds one document, and an NDJSON line holds one document: move the rest to its own file or line.',
      ],
      [
        "Unexpected token 'N'",
        'JSON has no comments, single quotes, trailing commas, undefined or NaN: fix the text here.',
      ],
    ]
    for (const [reason, hint] of hints) {
      expect(messages.syntax(reason)).toBe(`Invalid JSON: ${reason}. ${hint}`)
    }
  })

  it('a document that is not an object, in a .json file and on an NDJSON line', () => {
    expect(messages.notObject('an array', 'json')).toBe(
      'A document must be a JSON object, not an array: a .json file holds one document; put many documents in an .ndjson file, one per line.',
    )
    expect(messages.notObject('a string', 'ndjson')).toBe(
      'A document must be a JSON object, not a string: put one document object on each line.',
    )
  })

  it('a missing `_id` or `_type`, with the types there are', () => {
    expect(messages.missingId(undefined, ['person'])).toBe(
      'The document has no `_id`: add a unique string id made of letters, digits and hyphens, such as `person-first-top-level-meeting`.',
    )
    expect(messages.missingId('null', [])).toBe(
      'Its `_id` is null, not a string: use a unique string id made of letters, digits and hyphens, such as `article-first-top-level-meeting`.',
    )
    expect(messages.missingType(undefined, ['person'])).toBe(
      'The document has no `_type`: add one of `person`.',
    )
  })
})

describe.skipIf(UNDER_MUTATION)('the CLI', () => {
  it('usage errors and unreadable paths exit 2 with one line, no stack trace', async () => {
    const unknownFlag = runValidate(['--frmat', 'json'])
    expect(unknownFlag.code).toBe(2)
    expect(unknownFlag.stderr).toMatch(/^validate: unknown option --frmat: did you mean --format\?/)
    const badFormat = runValidate(['--format', 'xml'])
    expect(badFormat.code).toBe(2)
    expect(badFormat.stderr).toMatch(/Unknown format "xml": use pretty, json or github/)
    const missing = runValidate([join(dir, 'no-such-file.json')])
    expect(missing.code).toBe(2)
    expect(missing.stdout).toMatch(/no such file or directory \(ENOENT\).*\[input\/unreadable\]/)
    for (const result of [unknownFlag, badFormat, missing]) {
      expect(result.stderr).not.toMatch(STACK_TRACE)
      expect(result.stdout).not.toMatch(STACK_TRACE)
    }
  })
})

describe('expandInputs: the paths named, as sources and input problems', () => {
  const tree = join(dir, 'tree')
  const files = (inputs: Awaited<ReturnType<typeof expandInputs>>) =>
    inputs.sources.map((s) => [s.kind, s.file, s.path, s.kind === 'stdin' ? 0 : s.size])
  const at = (...parts: string[]) => join(tree, ...parts)

  it('lists a folder depth first in name order: .json and .ndjson files only, no dot-folders or node_modules', async () => {
    for (const folder of ['sub2', 'sub1/deep', '.hidden', 'node_modules', 'x.', 'real'])
      mkdirSync(at(folder), { recursive: true })
    for (const file of ['b.json', 'a.ndjson', 'C.JSON', 'notes.txt', 'sub2/x.json', 'sub1/y.json'])
      writeFileSync(at(file), '{}')
    for (const file of ['sub1/deep/w.json', '.hidden/z.json', 'node_modules/n.json', 'x./v.json'])
      writeFileSync(at(file), '{}')
    // A link to a folder is not a file; a link that leads nowhere cannot be read.
    symlinkSync(at('real'), at('folder.json'))
    symlinkSync(at('nowhere'), at('gone.json'))
    const inputs = await expandInputs(['tree'], dir)
    const entry = (file: string, kind = 'json') => [kind, join('tree', file), at(file), 2]
    expect(files(inputs)).toEqual([
      entry('C.JSON'),
      entry('a.ndjson', 'ndjson'),
      entry('b.json'),
      entry('sub1/y.json'),
      entry('sub1/deep/w.json'),
      entry('sub2/x.json'),
      entry('x./v.json'),
    ])
    expect(inputs.problems).toEqual([
      {
        severity: 'error',
        rule: 'input/unreadable',
        message: messages.unreadable(join('tree', 'gone.json'), 'ENOENT'),
        file: join('tree', 'gone.json'),
        line: 1,
        column: 1,
        pointer: '',
        documentId: null,
      },
    ])
  })

  it('reads a path named twice once, stdin too; names each as written', async () => {
    writeFileSync(join(dir, 'twice.json'), '{"a":1}')
    const inputs = await expandInputs(
      ['-', 'twice.json', '-', `./twice.json`, join(dir, 'twice.json')],
      dir,
    )
    expect(files(inputs)).toEqual([
      ['stdin', '<stdin>', undefined, 0],
      ['json', 'twice.json', join(dir, 'twice.json'), 7],
    ])
    expect(inputs.problems).toEqual([])
  })

  it('a missing path, a folder without documents, a file of another kind', async () => {
    mkdirSync(join(dir, 'bare'), { recursive: true })
    writeFileSync(join(dir, 'notes.md'), '')
    const inputs = await expandInputs(['nothing-here.json', 'bare', 'notes.md'], dir)
    expect(inputs.sources).toEqual([])
    expect(inputs.problems.map(({ rule, file, message }) => [rule, file, message])).toEqual([
      ['input/unreadable', 'nothing-here.json', messages.unreadable('nothing-here.json', 'ENOENT')],
      ['input/no-documents', 'bare', messages.noDocuments('bare')],
      ['input/unsupported-file', 'notes.md', messages.unsupportedFile('notes.md')],
    ])
  })
})
