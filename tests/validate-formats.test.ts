import { fileURLToPath } from 'node:url'
import type { ValidationReport } from 'us-russia-g20-story'
import { describe, expect, it } from 'vitest'
import { escapeData, escapeProperty, format as github } from '../src/report/github.js'
import { format as json } from '../src/report/json.js'
import { format as pretty } from '../src/report/pretty.js'
import { runValidate } from './validate-cli.js'

const FIXTURES = fileURLToPath(new URL('./fixtures/invalid/', import.meta.url))

const report: ValidationReport = {
  valid: false,
  documents: 21,
  problems: [
    {
      severity: 'error',
      rule: 'reference/dangling',
      message: 'Reference to `person-x`: add it,\nor fix it (100%).',
      file: 'content/a,b:c.json',
      line: 3,
      column: 7,
      pointer: '/body/0/markDefs/1/person/_ref',
      documentId: 'article-a',
      actual: 'person-x',
    },
    {
      severity: 'warning',
      rule: 'quote/unreferenced',
      message: 'Quote `q` is not referenced.',
      file: 'content/q.json',
      line: 2,
      column: 10,
      pointer: '/_id',
      documentId: null,
    },
  ],
}

describe('pretty', () => {
  it('prints file:line:col  severity  message  [rule], then a summary', () => {
    expect(pretty(report)).toBe(
      [
        'content/a,b:c.json:3:7  error    Reference to `person-x`: add it, or fix it (100%).  [reference/dangling]',
        'content/q.json:2:10  warning  Quote `q` is not referenced.  [quote/unreferenced]',
        '✖ 1 error, 1 warning in 21 documents',
        '',
      ].join('\n'),
    )
  })

  it('summarises a valid run, with and without warnings', () => {
    expect(pretty({ valid: true, documents: 21, problems: [] })).toBe('✔ 21 documents valid\n')
    const warned = { valid: true, documents: 1, problems: report.problems.slice(1) }
    expect(pretty(warned).split('\n').at(-2)).toBe('✔ 1 document valid, 1 warning')
  })

  it('colours severities only when asked', () => {
    expect(pretty(report)).not.toContain('\u001b[')
    expect(pretty(report, { color: true })).toContain('\u001b[31merror')
  })
})

describe('json', () => {
  it('is exactly one object with every problem field, documentId null when unknown', () => {
    const parsed = JSON.parse(json(report))
    expect(Object.keys(parsed)).toEqual(['valid', 'documents', 'problems'])
    expect(parsed.problems[0]).toEqual({
      severity: 'error',
      file: 'content/a,b:c.json',
      line: 3,
      column: 7,
      pointer: '/body/0/markDefs/1/person/_ref',
      documentId: 'article-a',
      rule: 'reference/dangling',
      message: 'Reference to `person-x`: add it,\nor fix it (100%).',
      actual: 'person-x',
    })
    expect(parsed.problems[1]).toHaveProperty('documentId', null)
  })
})

describe('github', () => {
  it('prints ::error and ::warning workflow commands, escaped', () => {
    const lines = github(report).split('\n')
    expect(lines[0]).toBe(
      '::error file=content/a%2Cb%3Ac.json,line=3,col=7,title=reference/dangling::Reference to `person-x`: add it,%0Aor fix it (100%25). (at /body/0/markDefs/1/person/_ref)',
    )
    expect(lines[1]).toBe(
      '::warning file=content/q.json,line=2,col=10,title=quote/unreferenced::Quote `q` is not referenced. (at /_id)',
    )
  })

  it('escapes as the Actions toolkit does', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac')
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A')
  })
})

describe('--format through the CLI', () => {
  const fixture = '032-reference-dangling.json'

  it('pretty (the default)', () => {
    const { code, stdout } = runValidate([fixture], { cwd: FIXTURES })
    expect(code).toBe(1)
    expect(stdout).toMatch(
      /^032-reference-dangling\.json:28:13 {2}error {4}Reference to `photo-blinken-lavrov`.+ {2}\[reference\/dangling\]\n✖ 1 error in 1 document\n$/,
    )
  })

  it('json', () => {
    const { stdout } = runValidate([fixture, '--format', 'json'], { cwd: FIXTURES })
    expect(JSON.parse(stdout)).toMatchObject({
      valid: false,
      documents: 1,
      problems: [{ rule: 'reference/dangling', line: 28, column: 13 }],
    })
  })

  it('github', () => {
    const { code, stdout } = runValidate([fixture, '--format', 'github'], { cwd: FIXTURES })
    expect(code).toBe(1)
    expect(stdout.split('\n')[0]).toMatch(
      /^::error file=032-reference-dangling\.json,line=28,col=13,title=reference\/dangling::Reference to/,
    )
  })
})
