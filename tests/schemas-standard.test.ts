/**
 * The shipped JSON Schemas hold outside ajv: an independent validator (@hyperjump/json-schema) in
 * its default mode, where draft 2020-12 `format` only annotates, accepts the content and rejects
 * what `validate` rejects. No format module is loaded, so every rule here has to be asserted by a
 * keyword every 2020-12 validator asserts (a `pattern`, not `format`).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { registerSchema, validate } from '@hyperjump/json-schema/draft-2020-12'
import { beforeAll, describe, expect, it } from 'vitest'
import { schemaUri } from '../src/schema-graph.js'
import { DOCUMENT_SCHEMAS, type DocumentType, readSchemas } from '../src/schemas.js'
import { PACKAGE_ROOT } from './build-helpers.js'

type Doc = Record<string, unknown> & { _type: DocumentType }

beforeAll(() => {
  for (const { schema } of readSchemas()) registerSchema(schema as never)
})

async function isValid(document: Doc): Promise<boolean> {
  const output = await validate(schemaUri(DOCUMENT_SCHEMAS[document._type]), document as never)
  return output.valid
}

function contentDocuments(): Doc[] {
  const dir = join(PACKAGE_ROOT, 'content')
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Doc)
}

/** The first content document of `type`. */
function firstOf(type: DocumentType): Doc {
  const found = contentDocuments().find((doc) => doc._type === type)
  if (!found) throw new Error(`content/ has no ${type}`)
  return found
}
const article = () => firstOf('article')
const person = () => firstOf('person')

describe('the JSON Schemas in a standard validator, default mode', () => {
  it('accept every document of content/', async () => {
    const documents = contentDocuments()
    expect(documents.length).toBeGreaterThan(20)
    const invalid: string[] = []
    for (const document of documents)
      if (!(await isValid(document))) invalid.push(document._id as string)
    expect(invalid).toEqual([])
  })

  it.each([
    '2023-02-30',
    '2023-3-3',
    '2023-02-29',
    '2100-02-29',
    '2023-04-31',
    '2023-13-01',
    '03/03/2023',
  ])('reject datePublished %s', async (date) => {
    expect(await isValid({ ...article(), datePublished: date })).toBe(false)
  })

  it.each([
    '2023-03-03',
    '2024-02-29',
    '2000-02-29',
    '2023-03-03T09:30:00Z',
    '2023-03-03T09:30:00.5+05:30',
  ])('accept datePublished %s', async (date) => {
    expect(await isValid({ ...article(), datePublished: date })).toBe(true)
  })

  it.each([
    'yesterday',
    '2023-03-03',
    '2023-02-30T09:30:00Z',
    '2023-03-03T25:00:00Z',
    '2023-03-03T09:30:00',
  ])('reject _createdAt %s', async (time) => {
    expect(await isValid({ ...person(), _createdAt: time })).toBe(false)
  })

  it('accept a system time as the Content Lake writes it', async () => {
    expect(await isValid({ ...person(), _createdAt: '2025-02-19T10:04:05.123Z' })).toBe(true)
  })

  it.each(['', ' ', '\u00a0', '\t', '\n', ' \u2003 '])('reject the name %j', async (name) => {
    expect(await isValid({ ...person(), name })).toBe(false)
  })
})
