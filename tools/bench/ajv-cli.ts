/**
 * ajv-cli, the tool a user would otherwise pick to check documents against JSON Schemas, run on
 * our schemas with what our own validators are compiled with: draft 2020-12, ajv-formats, all
 * errors, strict mode, the `discriminator` keyword and our `x-reference-to` annotation.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { REFERENCE_KEYWORD } from '../../src/schema-graph.js'
import { DOCUMENT_SCHEMAS, type DocumentType, readSchemas, SCHEMA_DIR } from '../../src/schemas.js'
import { REPORT_USAGE, type RunResult, runNode } from './measure.js'

const require = createRequire(import.meta.url)

/** The installed ajv-cli: its version and the script its `ajv` bin runs. */
export function ajvCli(): { version: string; bin: string } {
  const { version } = require('ajv-cli/package.json') as { version: string }
  return { version, bin: require.resolve('ajv-cli/dist/index.js') }
}

/**
 * Write the `-c` module that gives ajv-cli our keywords, and return its path. ajv-cli has no flag
 * for ajv's `discriminator` option, so the module turns it on; without it strict mode rejects
 * the schemas ("unknown keyword"), and `--strict=false` would validate less than we do.
 */
export async function writeKeywordsModule(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const path = join(dir, 'ajv-cli-keywords.cjs')
  const discriminator = require.resolve('ajv/dist/vocabularies/discriminator/index.js')
  await writeFile(
    path,
    [
      '// Written by `npm run bench`: the keywords our validators are compiled with.',
      `const discriminator = require(${JSON.stringify(discriminator)}).default`,
      'module.exports = (ajv) => {',
      '  ajv.opts.discriminator = true',
      '  ajv.addKeyword(discriminator)',
      `  ajv.addKeyword({ keyword: ${JSON.stringify(REFERENCE_KEYWORD)}, schemaType: 'array' })`,
      '}',
      '',
    ].join('\n'),
  )
  return path
}

/** The command line (after `node`) that checks every `*.json` in `dataDir` as a `type` document. */
export function ajvCliArgs(type: DocumentType, dataDir: string, keywordsModule: string): string[] {
  const schema = DOCUMENT_SCHEMAS[type]
  const referenced = readSchemas()
    .map(({ file }) => file)
    .filter((file) => file !== schema)
    .flatMap((file) => ['-r', join(SCHEMA_DIR, file)])
  return [
    ajvCli().bin,
    'validate',
    '--spec=draft2020',
    '--all-errors',
    '--errors=line',
    '-c',
    'ajv-formats',
    '-c',
    keywordsModule,
    '-s',
    join(SCHEMA_DIR, schema),
    ...referenced,
    '-d',
    join(dataDir, '*.json'),
  ]
}

/** One ajv-cli invocation: how it ran, and how many files it called valid and invalid. */
export interface AjvCliRun {
  type: DocumentType
  result: RunResult
  valid: number
  invalid: number
}

/** Run ajv-cli on every `*.json` in `dataDir` as `type` documents, reporting its peak RSS. */
export async function runAjvCli(
  type: DocumentType,
  dataDir: string,
  keywordsModule: string,
): Promise<AjvCliRun> {
  const result = await runNode([...REPORT_USAGE, ...ajvCliArgs(type, dataDir, keywordsModule)], {
    stdout: true,
  })
  // ajv-cli prints "<file> valid" on stdout, "<file> invalid" and the errors on stderr.
  const valid = result.stdout.split('\n').filter((line) => line.endsWith(' valid')).length
  const invalid = result.stderr.split('\n').filter((line) => line.endsWith(' invalid')).length
  return { type, result, valid, invalid }
}

/** What the sanity run found: whether ajv-cli turned down a document that breaks one rule. */
export interface AjvCliRejection {
  rejected: boolean
  /** ajv-cli's error at the pointer, or why the run does not count as a rejection. */
  detail: string
}

/**
 * The side run that makes the comparison mean something: ajv-cli must reject `broken` (a
 * `type` document with one rule broken at `pointer`) for that rule, not exit early for a
 * set-up problem such as a schema it cannot compile.
 */
export async function ajvCliRejects(
  workDir: string,
  keywordsModule: string,
  type: DocumentType,
  broken: object,
  pointer: string,
): Promise<AjvCliRejection> {
  const dir = join(workDir, 'ajv-cli-broken', type)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'broken.json'), JSON.stringify(broken))
  const run = await runAjvCli(type, dir, keywordsModule)
  const errors = run.result.stderr.split('\n').find((line) => line.startsWith('['))
  if (run.result.code !== 1 || run.invalid !== 1 || errors === undefined) {
    const said = run.result.stderr.trim().split('\n')[0] ?? ''
    return { rejected: false, detail: `exit ${run.result.code}, ${run.invalid} invalid: ${said}` }
  }
  const found = (JSON.parse(errors) as { instancePath: string; message: string }[]).find(
    (error) => error.instancePath === pointer,
  )
  return found === undefined
    ? { rejected: false, detail: `rejected, but not at ${pointer}: ${errors}` }
    : { rejected: true, detail: `${pointer} ${found.message}` }
}
