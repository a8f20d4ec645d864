/**
 * What a schema problem says, for the cases the numbered fixtures do not show: each finding
 * whole (rule, pointer, message, expected, actual). Where they are in the file is the fixtures'
 * business; here the documents are broken in memory, one way at a time.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { jsonType, oneOf, preview, truncate } from '../src/messages.js'
import { DOCUMENT_TYPES, type DocumentType, type JsonSchema } from '../src/schemas.js'
import type { Finding } from '../src/validator/checks/finding.js'
import { fold, schemaFindings } from '../src/validator/checks/schema.js'
import {
  describe as describeError,
  type FoldedError,
} from '../src/validator/checks/schema-messages.js'
import { constType, discriminatorTypes, schemaAt } from '../src/validator/checks/vocabulary.js'
import {
  isArticle,
  isDocumentType,
  isPerson,
  isPhoto,
  isQuote,
  type SchemaError,
  schemaErrors,
} from '../src/validator/compiled.js'
import { ROOT } from './validate-cli.js'

// biome-ignore lint/suspicious/noExplicitAny: the breakages edit arbitrary nested JSON.
type Json = Record<string, any>

function content(file: string): Json {
  return JSON.parse(readFileSync(join(ROOT, 'content', file), 'utf8')) as Json
}

const ARTICLE = content('articles/article-first-top-level-us-russia-meeting-after-ukraine-war.json')
const PHOTO = content('photos/photo-blinken-lavrov-phnom-penh.json')

interface Case {
  name: string
  type: DocumentType
  document: Json
  /** Break a copy of the document. */
  breakIt(document: Json): void
  findings: Finding[]
}

const cases: Case[] = [
  {
    name: 'a span of another _type, in an array of spans',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.body[0].children[0]._type = 'spam'
    },
    findings: [
      {
        rule: 'schema/const',
        pointer: '/body/0/children/0/_type',
        message: '`_type` must be `span` here, not "spam". This array holds only `span` items.',
        expected: 'span',
        actual: '"spam"',
      },
    ],
  },
  {
    name: 'a block without style (named by its _type, with the field’s description)',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      delete d.body[0].style
    },
    findings: [
      {
        rule: 'schema/required',
        pointer: '/body/0',
        message: 'Missing required field `style` on block: add it. (How the block renders.)',
      },
    ],
  },
  {
    name: 'an object without _type (named by its field)',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.slug = {}
    },
    findings: [
      {
        rule: 'schema/required',
        pointer: '/slug',
        message:
          "Missing required field `_type` on `slug`: add it. (Always `slug` (Sanity's own type).)",
      },
      {
        rule: 'schema/required',
        pointer: '/slug',
        message:
          'Missing required field `current` on `slug`: add it. (Lower-case words joined by single hyphens.)',
      },
    ],
  },
  {
    name: 'an unknown field on a span (in the Portable Text schema)',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.body[0].children[0].bold = true
    },
    findings: [
      {
        rule: 'schema/additional-properties',
        pointer: '/body/0/children/0/bold',
        anchor: 'key',
        message:
          'Unknown field `bold` on span: remove it, or add it to schemas/portable-text.schema.json.',
        actual: 'true',
      },
    ],
  },
  {
    name: 'a link that fits its pattern but is no URL',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.body[0].markDefs.unshift({ _type: 'link', _key: 'l1', href: 'https://[::1' })
      d.body[0].children[0].marks = ['l1']
    },
    findings: [
      {
        rule: 'schema/format',
        pointer: '/body/0/markDefs/0/href',
        message: '`href` must be an absolute URL; it is "https://[::1".',
        expected: 'uri',
        actual: '"https://[::1"',
      },
    ],
  },
  {
    name: 'a javascript: link (the pattern’s words, not the format’s)',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.body[0].markDefs.unshift({ _type: 'link', _key: 'l1', href: 'javascript:alert(1)' })
      d.body[0].children[0].marks = ['l1']
    },
    findings: [
      {
        rule: 'schema/pattern',
        pointer: '/body/0/markDefs/0/href',
        message: '`href` must be an http, https or mailto URL; it is "javascript:alert(1)".',
        expected: '^(?:https?://[^\\s/?#][^\\s]*|mailto:[^\\s]+)$',
        actual: '"javascript:alert(1)"',
      },
    ],
  },
  {
    name: 'a _key with a space',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.body[0]._key = 'b 1'
    },
    findings: [
      {
        rule: 'schema/pattern',
        pointer: '/body/0/_key',
        message: '`_key` must be 1 to 64 letters, digits, `_` or `-`; it is "b 1".',
        expected: '^[A-Za-z0-9_-]{1,64}$',
        actual: '"b 1"',
      },
    ],
  },
  {
    name: 'a contentHash that is not a sha-256',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.contentHash = 'abc'
    },
    findings: [
      {
        rule: 'schema/pattern',
        pointer: '/contentHash',
        message:
          '`contentHash` must be the 64 lower-case hex digits of a sha-256, as publish writes it: remove the field, publish sets it; it is "abc".',
        expected: '^[0-9a-f]{64}$',
        actual: '"abc"',
      },
    ],
  },
  {
    name: 'an image asset id of the wrong form',
    type: 'photo',
    document: PHOTO,
    breakIt: (d) => {
      d.image = { _type: 'image', asset: { _type: 'reference', _ref: 'image-bad' } }
    },
    findings: [
      {
        rule: 'schema/pattern',
        pointer: '/image/asset/_ref',
        message:
          '`_ref` must be a Sanity image asset id: `image-<hash>-<width>x<height>-<format>`; it is "image-bad".',
        expected: '^image-[A-Za-z0-9]+-[0-9]+x[0-9]+-[a-z0-9]+$',
        actual: '"image-bad"',
      },
    ],
  },
  {
    name: 'an unknown annotation type',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.body[0].markDefs.unshift({ _type: 'footnote', _key: 'f1' })
      d.body[0].children[0].marks = ['f1']
    },
    findings: [
      {
        rule: 'schema/discriminator',
        pointer: '/body/0/markDefs/0/_type',
        message:
          'Unknown annotation type `footnote`: use `link`, `personMention`, `organizationMention` or `quotation`, or add the type to schemas/portable-text.schema.json.',
        expected: 'link, personMention, organizationMention, quotation',
        actual: '"footnote"',
      },
    ],
  },
  {
    name: 'a block whose _type is not a string',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.body[0]._type = 7
    },
    findings: [
      {
        rule: 'schema/discriminator',
        pointer: '/body/0/_type',
        message: 'The block `_type` must be a string: use `block` or `photoEmbed`.',
        expected: 'block, photoEmbed',
        actual: '7',
      },
    ],
  },
  {
    name: 'a date that is a number (every form wants a string)',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.datePublished = 42
    },
    findings: [
      {
        rule: 'schema/any-of',
        pointer: '/datePublished',
        message: '`datePublished` must be a string; it is 42.',
        actual: '42',
      },
    ],
  },
  {
    name: 'an empty mark (an item of an array, named by its index)',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.body[0].children[0].marks = ['']
    },
    findings: [
      {
        rule: 'schema/min-length',
        pointer: '/body/0/children/0/marks/0',
        message:
          'Item 0 of `marks` must not be empty: write the text, or remove the field if it is optional.',
        expected: 'at least 1 character',
        actual: '""',
      },
    ],
  },
  {
    name: 'an image with both asset and _sanityAsset: only the failed branch folds into the conditional',
    type: 'photo',
    document: PHOTO,
    breakIt: (d) => {
      d.alt = 5
      d.image = {
        _type: 'image',
        asset: { _type: 'reference', _ref: 'bad' },
        _sanityAsset: 'image@file://./photo.jpg',
      }
    },
    findings: [
      {
        rule: 'schema/type',
        pointer: '/alt',
        message: '`alt` must be a string, not an integer.',
        expected: 'string',
        actual: '5',
      },
      {
        rule: 'schema/pattern',
        pointer: '/image/asset/_ref',
        message:
          '`_ref` must be a Sanity image asset id: `image-<hash>-<width>x<height>-<format>`; it is "bad".',
        expected: '^image-[A-Za-z0-9]+-[0-9]+x[0-9]+-[a-z0-9]+$',
        actual: '"bad"',
      },
      {
        rule: 'schema/conditional',
        pointer: '/image',
        message:
          'This image has both `asset` and `_sanityAsset`: give either `asset` or `_sanityAsset`, not both.',
      },
    ],
  },
  {
    name: 'a block without _type (reported as missing, not as an unknown type) beside an unknown type',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      delete d.body[0]._type
      d.body[1]._type = 'footnote'
    },
    findings: [
      {
        rule: 'schema/required',
        pointer: '/body/0',
        message: 'Missing required field `_type` on `0`: add it.',
      },
      {
        rule: 'schema/discriminator',
        pointer: '/body/1/_type',
        message:
          'Unknown block type `footnote`: use `block` or `photoEmbed`, or add the type to schemas/portable-text.schema.json.',
        expected: 'block, photoEmbed',
        actual: '"footnote"',
      },
    ],
  },
  {
    name: 'a link that is no URL beside a _key that breaks its pattern: each problem at its own place',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.body[0].markDefs.unshift({ _type: 'link', _key: 'l1', href: 'https://[::1' })
      d.body[0].children[0].marks = ['l1']
      d.body[1]._key = 'b 1'
    },
    findings: [
      {
        rule: 'schema/format',
        pointer: '/body/0/markDefs/0/href',
        message: '`href` must be an absolute URL; it is "https://[::1".',
        expected: 'uri',
        actual: '"https://[::1"',
      },
      {
        rule: 'schema/pattern',
        pointer: '/body/1/_key',
        message: '`_key` must be 1 to 64 letters, digits, `_` or `-`; it is "b 1".',
        expected: '^[A-Za-z0-9_-]{1,64}$',
        actual: '"b 1"',
      },
    ],
  },
  {
    name: 'a date that is a number after a headline that is one: the anyOf takes only its own errors',
    type: 'article',
    document: ARTICLE,
    breakIt: (d) => {
      d.headline = 5
      d.datePublished = 42
    },
    findings: [
      {
        rule: 'schema/type',
        pointer: '/headline',
        message: '`headline` must be a string, not an integer.',
        expected: 'string',
        actual: '5',
      },
      {
        rule: 'schema/any-of',
        pointer: '/datePublished',
        message: '`datePublished` must be a string; it is 42.',
        actual: '42',
      },
    ],
  },
]

describe('schema findings, whole', () => {
  it.each(cases)('$name', ({ type, document, breakIt, findings }) => {
    const broken = structuredClone(document)
    breakIt(broken)
    expect(schemaFindings(type, broken, { identityReported: false })).toEqual(findings)
  })
})

/** An ajv error as the schemas of this package cannot produce it (yet). */
function error(fields: Partial<FoldedError>): FoldedError {
  return {
    keyword: 'required',
    instancePath: '',
    schemaPath: '#/',
    params: {},
    parts: [],
    ...fields,
  } as FoldedError
}

describe('schema messages for keywords and limits no schema uses yet', () => {
  const scope = {
    type: 'person' as const,
    document: { name: 'Ada', alternateNames: ['A', 'B', 'C'], tags: [1] },
    errors: [],
  }

  it('a minimum length above 1', () => {
    const described = describeError(
      error({ keyword: 'minLength', instancePath: '/name', params: { limit: 5 } }),
      scope,
    )
    expect(described).toEqual({
      message: '`name` must be at least 5 characters long.',
      expected: 'at least 5 characters',
      actual: '"Ada"',
    })
  })

  it('at least several items', () => {
    const described = describeError(
      error({ keyword: 'minItems', instancePath: '/alternateNames', params: { limit: 4 } }),
      scope,
    )
    expect(described).toEqual({
      message: '`alternateNames` must have at least 4 items.',
      expected: 'at least 4 items',
      actual: 'an array of 3 items',
    })
  })

  it('a keyword with no words of its own: ajv’s, and the schema file', () => {
    const described = describeError(
      error({
        keyword: 'maxItems',
        instancePath: '/alternateNames',
        params: { limit: 2 },
        message: 'must NOT have more than 2 items',
      }),
      scope,
    )
    expect(described).toEqual({
      message: '`alternateNames` must NOT have more than 2 items: see schemas/person.schema.json.',
      actual: 'an array of 3 items',
    })
    // A field no schema knows: the folder.
    const unknown = describeError(error({ keyword: 'maxItems', instancePath: '/tags' }), scope)
    expect(unknown).toEqual({
      message: '`tags` is not valid: see schemas/.',
      actual: 'an array of 1 item',
    })
  })

  it('a conditional rule that is not of the either-or form', () => {
    const described = describeError(
      error({ keyword: 'if', params: { failingKeyword: 'then' } }),
      scope,
    )
    expect(described).toEqual({
      message:
        'The person does not meet the conditional rule of its schema: see schemas/person.schema.json.',
    })
  })
})

describe('the words for values in messages', () => {
  it('truncate: up to 60 characters whole, longer cut with its length named', () => {
    const sixty = 'a'.repeat(60)
    expect(truncate(sixty)).toBe(sixty)
    expect(truncate(`${sixty}b`)).toBe(`${sixty}… (61 characters)`)
    expect(truncate('abcd', 3)).toBe('abc… (4 characters)')
    expect(truncate('a\u0007b\u202ec')).toBe('a\\u0007b\\u202ec')
  })

  it('preview: strings quoted, arrays counted, objects by their keys', () => {
    expect(preview('x')).toBe('"x"')
    expect(preview([1])).toBe('an array of 1 item')
    expect(preview([])).toBe('an array of 0 items')
    expect(preview({})).toBe('an empty object')
    expect(preview({ a: 1, b: 2 })).toBe('an object with a, b')
    expect(preview(null)).toBe('null')
    expect(preview(1.5)).toBe('1.5')
  })

  it('jsonType: the JSON type as people say it', () => {
    expect([null, [], {}, true, 1, 1.5, 'x'].map(jsonType)).toEqual([
      'null',
      'an array',
      'an object',
      'a boolean',
      'an integer',
      'a number',
      'a string',
    ])
  })

  it('oneOf: nothing, one, or a list that ends with “or”', () => {
    expect(oneOf([])).toBe('')
    expect(oneOf(['a'])).toBe('`a`')
    expect(oneOf(['a', 'b'])).toBe('`a` or `b`')
    expect(oneOf(['a', 'b', 'c'])).toBe('`a`, `b` or `c`')
  })
})

describe('the validators of each document type', () => {
  const person = JSON.parse(
    readFileSync(join(ROOT, 'content/people/person-antony-blinken.json'), 'utf8'),
  ) as Record<string, unknown>
  const read = (folder: string) => {
    const dir = join(ROOT, 'content', folder)
    const name = readdirSync(dir).sort()[0] as string
    return JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown
  }

  it('isDocumentType: the registered types, as strings only', () => {
    expect(DOCUMENT_TYPES.map(isDocumentType)).toEqual(DOCUMENT_TYPES.map(() => true))
    expect([['person'], 'toString', 'Person', null].map(isDocumentType)).toEqual([
      false,
      false,
      false,
      false,
    ])
  })

  it('schemaErrors: none for a valid document; a copy of ajv errors otherwise', () => {
    expect(schemaErrors('person', person)).toEqual([])
    const first = schemaErrors('person', { ...person, name: 5 })
    expect(first).toMatchObject([{ instancePath: '/name', keyword: 'type' }])
    schemaErrors('person', { ...person, slug: 5 })
    expect(first).toMatchObject([{ instancePath: '/name', keyword: 'type' }])
  })

  it('the type guards accept their type only', () => {
    const documents = [read('articles'), read('people'), read('quotes'), read('photos')]
    const guards = [isArticle, isPerson, isQuote, isPhoto]
    expect(guards.map((guard) => documents.map((d) => guard(d)))).toEqual([
      [true, false, false, false],
      [false, true, false, false],
      [false, false, true, false],
      [false, false, false, true],
    ])
  })
})

describe('schema findings when the identity check has reported the _id or _type', () => {
  const reported = { identityReported: true }

  it('leaves out a missing _id and _type, not the other missing fields', () => {
    const broken = structuredClone(ARTICLE)
    delete broken._id
    delete broken._type
    delete broken.headline
    delete broken.body[0]._type
    expect(schemaFindings('article', broken, reported)).toEqual([
      {
        rule: 'schema/required',
        pointer: '',
        message:
          "Missing required field `headline` on article: add it. (The headline, verbatim. Renders as the page's only h1.)",
      },
      {
        rule: 'schema/required',
        pointer: '/body/0',
        message: 'Missing required field `_type` on `0`: add it.',
      },
    ])
  })

  it('leaves out an _id or _type of the wrong kind, not the other fields', () => {
    const broken = { ...structuredClone(ARTICLE), _id: 7, _type: 7, headline: 5 }
    expect(schemaFindings('article', broken, reported)).toEqual([
      {
        rule: 'schema/type',
        pointer: '/headline',
        message: '`headline` must be a string, not an integer.',
        expected: 'string',
        actual: '5',
      },
    ])
  })
})

/** An ajv error of the article schema, for folding. */
function ajvError(
  keyword: string,
  instancePath: string,
  schemaPath: string,
  params: Record<string, unknown> = {},
): SchemaError {
  return { keyword, instancePath, schemaPath, params } as SchemaError
}

describe('folding ajv errors into the anyOf or if that owns them', () => {
  it('an anyOf takes the errors right before it, at or below its instance, up to another owner', () => {
    const before = ajvError('type', '/x', '#/properties/x/type')
    const inner = ajvError('type', '/a/b', '#/x/anyOf/0/type')
    const innerAnyOf = ajvError('anyOf', '/a/b', '#/x/anyOf')
    const outer = ajvError('type', '/a', '#/anyOf/1/type')
    const outerAnyOf = ajvError('anyOf', '/a', '#/anyOf')
    const after = ajvError('type', '/c', '#/properties/c/type')
    expect(fold([before, inner, innerAnyOf, outer, outerAnyOf, after])).toEqual([
      { ...before, parts: [] },
      { ...after, parts: [] },
      { ...innerAnyOf, parts: [inner] },
      { ...outerAnyOf, parts: [outer] },
    ])
  })

  it('an if takes the errors of its failed branch at or below its instance, and no others', () => {
    const branch = ajvError('not', '/image', '#/properties/image/then/not')
    const below = ajvError('required', '/image/x', '#/properties/image/then/properties/x/required')
    const elsewhere = ajvError('not', '/other/image', '#/properties/image/then/not')
    const otherBranch = ajvError('required', '/image', '#/properties/image/else/required')
    const inside = ajvError(
      'pattern',
      '/image/asset/_ref',
      '#/properties/image/properties/asset/pattern',
    )
    const owner = ajvError('if', '/image', '#/properties/image/if', { failingKeyword: 'then' })
    expect(fold([branch, below, elsewhere, otherBranch, inside, owner])).toEqual([
      { ...elsewhere, parts: [] },
      { ...otherBranch, parts: [] },
      { ...inside, parts: [] },
      { ...owner, parts: [branch, below] },
    ])
  })
})

describe('schema messages for what the schemas do not produce (yet)', () => {
  const scope = {
    type: 'article' as const,
    document: {
      headline: 5,
      photo: null,
      body: [{ _type: 'photoEmbed' }],
      alternateNames: Array.from({ length: 13 }, () => 'x'),
      x2: 'v',
      '2x': 'v',
    },
    errors: [],
  }
  const say = (fields: Partial<FoldedError>) => describeError(error(fields), scope)

  it('a const on a field other than _type gives no hint about the array', () => {
    expect(
      say({ keyword: 'const', instancePath: '/body/0/style', params: { allowedValue: 'normal' } }),
    ).toEqual({
      message: '`style` must be `normal` here, not undefined.',
      expected: 'normal',
      actual: 'undefined',
    })
  })

  it('a maximum length on a value that is not a string counts 0 characters', () => {
    expect(say({ keyword: 'maxLength', instancePath: '/headline', params: { limit: 3 } })).toEqual({
      message: '`headline` must be at most 3 characters; it has 0. Shorten it.',
      expected: 'at most 3 characters',
      actual: '5',
    })
  })

  it('a format without words of its own', () => {
    expect(
      say({ keyword: 'format', instancePath: '/headline', params: { format: 'email' } }),
    ).toEqual({
      message: '`headline` must be a valid email; it is 5.',
      expected: 'email',
      actual: '5',
    })
  })

  it('names the document, an item by its index, and fields with digits by their names', () => {
    const named = (instancePath: string) =>
      say({ keyword: 'type', instancePath, params: { type: 'string' } }).message
    expect(named('')).toMatch(/^The document must be a string, not an object\.$/)
    expect(named('/alternateNames/12')).toBe(
      'Item 12 of `alternateNames` must be a string, not a string.',
    )
    expect(named('/x2')).toBe('`x2` must be a string, not a string.')
    expect(named('/2x')).toBe('`2x` must be a string, not a string.')
  })

  it('a missing field on an object that is null or absent: named by its field', () => {
    expect(
      say({ keyword: 'required', instancePath: '/photo', params: { missingProperty: '_ref' } }),
    ).toEqual({
      message:
        'Missing required field `_ref` on `photo`: add it. (The `_id` of the referenced Photo.)',
    })
    expect(
      say({ keyword: 'required', instancePath: '/nope', params: { missingProperty: 'a' } }),
    ).toEqual({
      message: 'Missing required field `a` on `nope`: add it.',
    })
  })

  it('an enum on a field no schema describes gives no reason', () => {
    expect(
      say({ keyword: 'enum', instancePath: '/nope', params: { allowedValues: ['a', 'b'] } }),
    ).toEqual({
      message: '`nope` must be `a` or `b`, not undefined.',
      expected: 'a, b',
      actual: 'undefined',
    })
  })

  it('a pattern without words of its own, or a format beside it: the pattern itself', () => {
    expect(
      say({ keyword: 'pattern', instancePath: '/datePublished', params: { pattern: '^x$' } }),
    ).toEqual({
      message: '`datePublished` must match the pattern `^x$`; it is undefined.',
      expected: '^x$',
      actual: 'undefined',
    })
    expect(
      say({ keyword: 'pattern', instancePath: '/nope/x', params: { pattern: '^x$' } }),
    ).toEqual({
      message: '`x` must match the pattern `^x$`; it is undefined.',
      expected: '^x$',
      actual: 'undefined',
    })
  })

  it('an unknown type where no schema is known: no types to offer, the schemas folder', () => {
    expect(
      say({
        keyword: 'discriminator',
        instancePath: '/nope/0',
        params: { tag: '_type', tagValue: 'x' },
      }),
    ).toEqual({
      pointer: '/nope/0/_type',
      message: 'Unknown block type `x`: use , or add the type to schemas/.',
      expected: '',
      actual: '"x"',
    })
  })

  it('an anyOf: the words of each branch, a format before a type, and a fallback', () => {
    const anyOf = (parts: SchemaError[]) =>
      say({ keyword: 'anyOf', instancePath: '/headline', schemaPath: '#/anyOf', parts }).message
    expect(
      anyOf([
        ajvError('type', '', '#/anyOf/0/type', { type: 'string' }),
        ajvError('format', '', '#/anyOf/0/format', { format: 'date' }),
        ajvError('pattern', '', '#/anyOf/0/pattern', { pattern: 'x' }),
        ajvError('format', '', '#/anyOf/1/format', { format: 'email' }),
        ajvError('type', '', '#/anyOf/1/type', { type: 'integer' }),
      ]),
    ).toBe(
      '`headline` must be a date such as `2023-03-03` (YYYY-MM-DD), or a valid email; it is 5.',
    )
    expect(anyOf([ajvError('pattern', '', '#/anyOf/0/pattern', { pattern: 'x' })])).toBe(
      '`headline` must be one of the forms its schema allows; it is 5.',
    )
  })

  it('a conditional where no schema is known', () => {
    expect(
      say({ keyword: 'if', instancePath: '/nope', params: { failingKeyword: 'then' } }),
    ).toEqual({
      message: 'The `nope` does not meet the conditional rule of its schema: see schemas/.',
    })
  })
})

describe('the schema vocabulary', () => {
  it('constType: the `_type` a schema fixes, if it fixes a string', () => {
    expect(constType({ properties: { _type: { const: 'block' } } })).toBe('block')
    expect(constType({ properties: { _type: { const: 5 } } })).toBeUndefined()
    expect(constType({ properties: { _type: {} } })).toBeUndefined()
    expect(constType({ properties: {} })).toBeUndefined()
    expect(constType({})).toBeUndefined()
  })

  it('discriminatorTypes: the fixed `_type` of each branch that has one', () => {
    const located = (schema: JsonSchema) => ({ schema, uri: 'https://example.com/s.json' })
    expect(
      discriminatorTypes(
        located({
          oneOf: [
            { properties: { _type: { const: 'a' } } },
            { type: 'string' },
            { properties: { _type: { const: 'b' } } },
          ],
        }),
      ),
    ).toEqual(['a', 'b'])
    expect(discriminatorTypes(located({}))).toEqual([])
  })

  it('schemaAt follows properties, items and the branch a value’s `_type` picks', () => {
    const document = { body: [{ _type: 'block' }, { _type: 'photoEmbed' }] }
    expect(schemaAt('article', document, '/body/1/photo')?.schema.description).toBe(
      'The Photo to show.',
    )
    expect(schemaAt('article', document, '/body/0/style')?.schema.description).toBe(
      'How the block renders.',
    )
    expect(schemaAt('article', document, '')?.uri).toBe(
      'https://us-russia-g20-story.example/schemas/article.schema.json',
    )
  })

  it('schemaAt gives up where no schema governs, on any document', () => {
    const document = { body: null, photo: [null] }
    for (const pointer of [
      '/nope',
      '/constructor',
      '/headline/x',
      '/body/0/children/0',
      '/body/0/_type',
    ]) {
      expect(schemaAt('article', document, pointer), pointer).toBeUndefined()
    }
    expect(schemaAt('article', { body: [null] }, '/body/0/_type')).toBeUndefined()
    expect(schemaAt('unknown', {}, '')).toBeUndefined()
  })
})
