/**
 * What a schema problem says, for the cases the numbered fixtures do not show: each finding
 * whole (rule, pointer, message, expected, actual). Where they are in the file is the fixtures'
 * business; here the documents are broken in memory, one way at a time.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Finding } from '../src/check/finding.js'
import { schemaFindings } from '../src/check/schema.js'
import { describe as describeError, type FoldedError } from '../src/check/schema-messages.js'
import { jsonType, oneOf, preview, truncate } from '../src/messages.js'
import { DOCUMENT_TYPES, type DocumentType } from '../src/schemas.js'
import {
  isArticle,
  isDocumentType,
  isPerson,
  isPhoto,
  isQuote,
  schemaErrors,
} from '../src/validators.js'
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
      d.body[0].markDefs.push({ _type: 'link', _key: 'l1', href: 'https://[::1' })
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
      d.body[0].markDefs.push({ _type: 'link', _key: 'l1', href: 'javascript:alert(1)' })
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
      d.body[0].markDefs.push({ _type: 'footnote', _key: 'f1' })
      d.body[0].children[0].marks = ['f1']
    },
    findings: [
      {
        rule: 'schema/discriminator',
        pointer: '/body/0/markDefs/0/_type',
        message:
          'Unknown annotation type `footnote`: use `link`, `personMention` or `quotation`, or add the type to schemas/portable-text.schema.json.',
        expected: 'link, personMention, quotation',
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

  it('isDocumentType: the four types, as strings only', () => {
    expect(DOCUMENT_TYPES.map(isDocumentType)).toEqual([true, true, true, true])
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
