import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RULES } from 'us-russia-g20-story'
import { describe, expect, it } from 'vitest'
import { readSchemas } from '../src/schemas.js'
import { SCHEMA_KEYWORD_RULES, SCHEMA_KEYWORDS_FOLDED } from '../src/validator/checks/schema.js'
import {
  type CliResult,
  essentials,
  type JsonProblem,
  type JsonReport,
  STACK_TRACE,
  UNDER_MUTATION,
  validateInProcess,
  validateJson,
} from './validate-cli.js'

const DIR = fileURLToPath(new URL('./fixtures/invalid/', import.meta.url))

interface Expectation {
  exitCode: number
  /** Each problem whole: place, rule, message, and `expected` and `actual` when the validator sets them. */
  problems: JsonProblem[]
}

/** Every numbered fixture (a file or a folder) and its expectation beside it. */
const fixtures = readdirSync(DIR)
  .filter((name) => /^\d{3}-/.test(name) && !name.endsWith('.expected.json'))
  .sort()
  .map((name) => {
    const expectation = `${name.replace(/\.(json|ndjson|txt)$/, '')}.expected.json`
    return {
      name,
      expected: JSON.parse(readFileSync(join(DIR, expectation), 'utf8')) as Expectation,
    }
  })

/** What the CLI reports for a fixture, run once however many tests ask. */
const runs = new Map<string, CliResult & { report: JsonReport }>()
function run(name: string): CliResult & { report: JsonReport } {
  let result = runs.get(name)
  if (!result) {
    result = validateJson([name], { cwd: DIR })
    runs.set(name, result)
  }
  return result
}

/** What a fixture's run must give, through the CLI or in-process. */
function expectFixture(expected: Expectation, code: number | null, report: JsonReport): void {
  expect(essentials(report.problems)).toEqual(expected.problems)
  expect(code).toBe(expected.exitCode)
  expect(report.valid).toBe(!report.problems.some((p) => p.severity === 'error'))
  for (const problem of report.problems) {
    expect(problem.message.length).toBeGreaterThan(20)
    expect(problem.message).not.toMatch(STACK_TRACE)
  }
}

describe.skipIf(UNDER_MUTATION)('numbered invalid fixtures, through the real CLI', () => {
  it.each(fixtures)('$name', ({ name, expected }) => {
    const { code, report, stderr } = run(name)
    expectFixture(expected, code, report)
    expect(stderr).not.toMatch(STACK_TRACE)
  })

  it('pins the whole problem in every expectation: message, and expected and actual where set', () => {
    for (const { name, expected } of fixtures) {
      const said = run(name).report.problems
      expect(expected.problems.length, name).toBe(said.length)
      expected.problems.forEach((problem, i) => {
        // The same fields as the report: none left out (`expected` and `actual` included).
        expect(Object.keys(problem).sort(), `${name}, problem ${i}`).toEqual(
          Object.keys(said[i] as JsonProblem).sort(),
        )
        expect(typeof problem.message, `${name}, problem ${i}`).toBe('string')
      })
    }
  })

  it('numbers fixtures uniquely', () => {
    const numbers = fixtures.map((f) => f.name.slice(0, 3))
    expect(new Set(numbers).size).toBe(numbers.length)
  })
})

// The same expectations, from validate() in this process: the checks mutation testing can see.
describe('numbered invalid fixtures, in-process', () => {
  it.each(fixtures)('$name', async ({ name, expected }) => {
    const { code, report } = await validateInProcess([name], { cwd: DIR })
    expectFixture(expected, code, report)
  })
})

/**
 * The expectations of the other stages' numbered fixtures: tests/fixtures/render/ (run by
 * render-fixtures.test.ts) and tests/fixtures/sanity/ (publish and pull, run by
 * sanity-fixtures.test.ts), tests/fixtures/site-config/ (run by site-config.test.ts) and
 * tests/fixtures/import/ (run by import-fixtures.test.ts). Their numbers are shared with the
 * validation fixtures.
 */
const stageFixtures = ['render', 'sanity', 'site-config', 'import'].flatMap((folder) => {
  const dir = fileURLToPath(new URL(`./fixtures/${folder}/`, import.meta.url))
  return readdirSync(dir)
    .filter((name) => /^\d{3}-.*\.expected\.json$/.test(name))
    .map((name) => ({
      name,
      expected: JSON.parse(readFileSync(join(dir, name), 'utf8')) as { problems: JsonProblem[] },
    }))
})

describe('the rule catalogue', () => {
  it('has a fixture that produces every rule, whatever the stage', () => {
    const covered = new Set(
      [...fixtures, ...stageFixtures].flatMap((f) => f.expected.problems.map((p) => p.rule)),
    )
    const missing = Object.keys(RULES).filter((rule) => !covered.has(rule))
    expect(missing).toEqual([])
  })

  it('numbers the fixtures of every stage apart', () => {
    const numbers = [...fixtures, ...stageFixtures].map((f) => f.name.slice(0, 3))
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('lists every rule a fixture produces, with its severity', () => {
    for (const fixture of [...fixtures, ...stageFixtures]) {
      for (const problem of fixture.expected.problems) {
        expect(Object.keys(RULES)).toContain(problem.rule)
        expect(problem.severity).toBe(RULES[problem.rule as keyof typeof RULES].severity)
      }
    }
  })

  it('maps every validation keyword the schemas use to a catalogued rule', () => {
    // Keywords that assert nothing themselves (their subschemas are visited).
    const annotations = new Set([
      '$schema',
      '$comment',
      '$id',
      '$ref',
      '$defs',
      'title',
      'description',
      'properties',
      'items',
      'readOnly',
      'x-reference-to',
    ])
    const subschemas = new Set(['items', 'if', 'then', 'else', 'not'])
    const lists = new Set(['anyOf', 'oneOf', 'allOf'])
    const maps = new Set(['properties', '$defs'])
    const used = new Set<string>()
    const visit = (schema: Record<string, unknown>): void => {
      for (const [keyword, value] of Object.entries(schema)) {
        if (!annotations.has(keyword)) used.add(keyword)
        if (subschemas.has(keyword)) visit(value as Record<string, unknown>)
        if (lists.has(keyword)) (value as Record<string, unknown>[]).forEach(visit)
        if (maps.has(keyword))
          Object.values(value as Record<string, Record<string, unknown>>).forEach(visit)
      }
    }
    for (const { schema } of readSchemas()) visit(schema)
    const handled = new Set<string>([
      ...Object.keys(SCHEMA_KEYWORD_RULES),
      ...SCHEMA_KEYWORDS_FOLDED,
    ])
    expect([...used].filter((keyword) => !handled.has(keyword)).sort()).toEqual([])
    for (const rule of Object.values(SCHEMA_KEYWORD_RULES))
      expect(Object.keys(RULES)).toContain(rule)
  })
})
