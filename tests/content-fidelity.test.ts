/**
 * Journalism test: the content in content/ is true to its source, word for word. Each article's
 * source text is found by its `_id` in tests/fixtures/ (the seed story for the article of
 * content/, tests/fixtures/sources/<id>.txt for test articles); every article that has one, in
 * content/ and in the test content folders, renders as plain text that reads as that source.
 * Reads the sources and the content files straight from disk, so it checks what editors and CI get.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type Article,
  type Block,
  type ContentDocument,
  DOCUMENT_TYPE_REGISTRY,
  isDocumentType,
  type Organization,
  type Person,
  type Quote,
  schemaErrors,
} from 'us-russia-g20-story'
import { renderArticle } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { readDocuments } from '../src/content/read-documents.js'
import { SEED_FILE } from './fixtures/seed/index.js'
import { readingLines, sourceFileOf } from './fixtures/sources/index.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CONTENT_DIR = join(ROOT, 'content')

/** The folder each document type lives in: the registry's. */
const FOLDER_OF = (type: ContentDocument['_type']): string => DOCUMENT_TYPE_REGISTRY[type].folder

/**
 * Words the seed puts in quotation marks that nobody says: names of things. They are not Quotes.
 * Keep this list short and say why for each entry.
 */
const QUOTED_NAMES = new Set([
  // The name of the text the G20 meeting produced instead of a joint statement.
  'outcome document',
  // What Russia calls its actions in Ukraine: a name, not something said at the meeting.
  'special military operation',
])

/** Fields the seed never gives, so no document may carry them. */
const INVENTED_FIELDS = ['credit', 'byline', 'author', 'asset']

interface Seed {
  text: string
  date: string
  headline: string
  standfirst: string
  caption: string
  captionRepeat: string
  highlights: string[]
  /** Body paragraphs exactly as printed, the first one still starting with the dateline. */
  body: string[]
}

/** Split the seed into its parts: date, headline, standfirst, caption (printed twice), bullets, body. */
function parseSeed(text: string): Seed {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '')
  const [date = '', headline = '', standfirst = '', caption = '', captionRepeat = '', ...rest] =
    lines
  const isBullet = (line: string) => line.trim().startsWith('•')
  return {
    text,
    date,
    headline,
    standfirst,
    caption,
    captionRepeat,
    highlights: rest.filter(isBullet).map((line) => line.replace(/^\s*•/, '').trim()),
    body: rest.filter((line) => !isBullet(line)),
  }
}

function readSeed(file: string = SEED_FILE): Seed {
  if (!existsSync(file)) {
    throw new Error(
      `Source text not found at ${file}. Restore tests/fixtures/ from git, or set SEED_FILE to the seed's path.`,
    )
  }
  return parseSeed(readFileSync(file, 'utf8'))
}

/** The parsed source of an article, found by its `_id`. */
function sourceOf(article: Article | undefined): Seed {
  const file = article === undefined ? undefined : sourceFileOf(article._id)
  if (file === undefined) throw new Error(`${article?._id}: no source text in tests/fixtures/`)
  return readSeed(file)
}

interface ContentFile {
  /** Path relative to the repo, for failure messages. */
  file: string
  folder: string
  raw: string
  doc: ContentDocument
}

function readContent(): ContentFile[] {
  return readdirSync(CONTENT_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(join(CONTENT_DIR, folder.name))
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => {
          const path = join(CONTENT_DIR, folder.name, name)
          const raw = readFileSync(path, 'utf8')
          return {
            file: relative(ROOT, path),
            folder: folder.name,
            raw,
            doc: JSON.parse(raw) as ContentDocument,
          }
        }),
    )
}

const seed = readSeed()
const files = readContent()
const docs = files.map((f) => f.doc)
const fileOf = new Map(files.map((f) => [f.doc._id, f.file]))
const byId = new Map(docs.map((d) => [d._id, d]))
const articles = docs.filter((d): d is Article => d._type === 'article')
/** Every source of content/'s articles, for the words no single article owns (people's names). */
const sources = articles.flatMap((article) =>
  sourceFileOf(article._id) === undefined ? [] : [sourceOf(article).text],
)
const people = docs.filter((d): d is Person => d._type === 'person')
const organizations = docs.filter((d): d is Organization => d._type === 'organization')
const quotes = docs.filter((d): d is Quote => d._type === 'quote')

/** "<id> (<file>) <field>": where a failure is, so it can be fixed without searching. */
function at(doc: { _id: string }, field: string): string {
  return `${doc._id} (${fileOf.get(doc._id) ?? 'unknown file'}) ${field}`
}

const textBlocks = (blocks: readonly { _type: string }[] | undefined): Block[] =>
  (blocks ?? []).filter((b): b is Block => b._type === 'block')

const blockText = (block: Block): string => block.children.map((span) => span.text).join('')

/** Every text block of every article, with the field it sits in, for annotation checks. */
const allBlocks = articles.flatMap((article) => [
  ...textBlocks(article.highlights).map((block, i) => ({
    article,
    block,
    field: `highlights[${i}]`,
  })),
  ...textBlocks(article.body).map((block, i) => ({ article, block, field: `body[${i}]` })),
])

/** The character ranges of a block that carry the mark `key`, merged where they touch. */
function markedRanges(block: Block, key: string): [number, number][] {
  const ranges: [number, number][] = []
  let offset = 0
  for (const span of block.children) {
    const end = offset + span.text.length
    if (span.marks?.includes(key)) {
      const last = ranges.at(-1)
      if (last && last[1] === offset) last[1] = end
      else ranges.push([offset, end])
    }
    offset = end
  }
  return ranges
}

/** Where two strings first differ, with a little context either side, for a readable failure. */
function firstDifference(
  actual: string | undefined,
  expected: string | undefined,
  source = 'seed',
): string {
  const [a, e] = [actual ?? '', expected ?? '']
  let i = 0
  while (i < a.length && a[i] === e[i]) i++
  const show = (text: string) => JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))
  return `differs at character ${i}: has ${show(a)}, ${source} has ${show(e)}`
}

/** Whether the source's words include `words`, allowing a capital first letter either way. */
function inSeed(words: string, haystack: string): boolean {
  const first = words.charAt(0)
  const rest = words.slice(1)
  return [first.toLowerCase() + rest, first.toUpperCase() + rest].some((w) => haystack.includes(w))
}

/** The ways a quoted passage can stand in the seed: straight or curly marks, comma inside or not. */
function inQuotationMarks(words: string, haystack: string): boolean {
  return [`"${words}"`, `"${words},"`, `“${words}”`, `“${words},”`].some((w) =>
    haystack.includes(w),
  )
}

/** The body paragraphs of a source, the first one without its "DATELINE: ". */
const seedParagraph = (seed: Seed, i: number, dateline: string | undefined): string => {
  const text = seed.body[i] ?? ''
  return i === 0 && dateline ? text.slice(dateline.length + 2) : text
}

/** Where each Quote is annotated: the article block and the markDef key. */
const quotations = allBlocks.flatMap(({ article, block, field }) =>
  block.markDefs
    .filter((def) => def._type === 'quotation')
    .map((def) => ({ article, block, field, key: def._key, quoteId: def.quote._ref })),
)

const organizationMentions = allBlocks.flatMap(({ article, block, field }) =>
  block.markDefs
    .filter((def) => def._type === 'organizationMention')
    .map((def) => ({
      article,
      block,
      field,
      key: def._key,
      organizationId: def.organization._ref,
    })),
)

const personMentions = allBlocks.flatMap(({ article, block, field }) =>
  block.markDefs
    .filter((def) => def._type === 'personMention')
    .map((def) => ({ article, block, field, key: def._key, personId: def.person._ref })),
)

describe('the seed', () => {
  it('has the shape this test reads: a caption printed twice, three highlights, a body', () => {
    expect(seed.captionRepeat, `${SEED_FILE}: the caption line is expected twice`).toBe(
      seed.caption,
    )
    expect(seed.highlights).toHaveLength(3)
    expect(seed.body.length).toBeGreaterThan(0)
  })
})

describe('content files', () => {
  it('every article has its source text in tests/fixtures/, found by its _id', () => {
    expect(articles.length).toBeGreaterThan(0)
    for (const article of articles)
      expect(sourceFileOf(article._id), at(article, 'source text')).toBeDefined()
  })

  it.each(files.map((f) => [f.file, f] as const))(
    '%s is a schema-valid document in its folder, named for its _id, 2-space JSON',
    (file, { folder, raw, doc }) => {
      expect(isDocumentType(doc._type), `${file} _type`).toBe(true)
      expect(schemaErrors(doc._type, doc), `${file}: schema errors`).toEqual([])
      expect(folder, `${file}: a ${doc._type} belongs in content/${FOLDER_OF(doc._type)}/`).toBe(
        FOLDER_OF(doc._type),
      )
      expect(file.endsWith(`/${doc._id}.json`), `${file}: file name must be <_id>.json`).toBe(true)
      expect(raw, `${file}: write it as JSON.stringify(doc, null, 2) plus a newline`).toBe(
        `${JSON.stringify(doc, null, 2)}\n`,
      )
    },
  )
})

describe.each(articles.map((a) => [a._id, a] as const))('article %s', (_id, article) => {
  const seed = sourceOf(article)
  // 1. The body is the seed's body, paragraph by paragraph.
  it('body: one block per seed paragraph, each verbatim and in order', () => {
    const blocks = textBlocks(article.body)
    expect(blocks.length, at(article, 'body: number of text blocks')).toBe(seed.body.length)
    blocks.forEach((block, i) => {
      const printed = i === 0 ? `${article.dateline}: ${blockText(block)}` : blockText(block)
      const where = `body[${i}] (_key ${block._key}) text ${firstDifference(printed, seed.body[i])}`
      expect(printed, at(article, where)).toBe(seed.body[i])
      expect(block.style, at(article, `body[${i}].style`)).toBe('normal')
    })
  })

  it('dateline: what the seed prints before the first paragraph', () => {
    expect(article.dateline, at(article, 'dateline')).toBeTruthy()
    expect(seed.body[0]?.startsWith(`${article.dateline}: `), at(article, 'dateline')).toBe(true)
  })

  // 2. Headline, standfirst, caption and highlights are the seed's lines.
  it('headline and standfirst: verbatim', () => {
    const headline = `headline ${firstDifference(article.headline, seed.headline)}`
    expect(article.headline, at(article, headline)).toBe(seed.headline)
    const standfirst = `standfirst ${firstDifference(article.standfirst, seed.standfirst)}`
    expect(article.standfirst, at(article, standfirst)).toBe(seed.standfirst)
  })

  it('highlights: the seed bullets, trimmed, as a bullet list', () => {
    const blocks = textBlocks(article.highlights)
    expect(blocks.length, at(article, 'highlights: number of blocks')).toBe(seed.highlights.length)
    for (const [i, block] of blocks.entries()) {
      const text = blockText(block)
      const where = `highlights[${i}] text ${firstDifference(text, seed.highlights[i])}`
      expect(text, at(article, where)).toBe(seed.highlights[i])
      expect(block.listItem, at(article, `highlights[${i}].listItem`)).toBe('bullet')
      expect(block.level, at(article, `highlights[${i}].level`)).toBe(1)
    }
  })

  it('photo: the referenced photo carries the seed caption', () => {
    const photo = byId.get(article.photo?._ref ?? '')
    expect(photo?._type, at(article, 'photo._ref: must name a photo document')).toBe('photo')
    if (photo?._type !== 'photo') return
    const caption = `caption ${firstDifference(photo.caption, seed.caption)}`
    expect(photo.caption, at(photo, caption)).toBe(seed.caption)
  })

  it('datePublished: the seed date, with no time of day', () => {
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]
    const match = /^\w+, (\w+) (\d{1,2}), (\d{4})$/.exec(seed.date)
    expect(match, `${SEED_FILE}: date line "${seed.date}"`).not.toBeNull()
    const [, month = '', day = '', year = ''] = match ?? []
    const iso = `${year}-${String(months.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`
    expect(article.datePublished, at(article, 'datePublished')).toBe(iso)
  })

  it('_key is unique in every array: blocks, spans of a block, markDefs of a block', () => {
    const duplicates = (keys: string[]) => keys.filter((key, i) => keys.indexOf(key) !== i)
    for (const field of ['highlights', 'body'] as const) {
      const keys = (article[field] ?? []).map((block) => block._key)
      expect(duplicates(keys), at(article, `${field}[]._key duplicates`)).toEqual([])
    }
    for (const { block, field } of allBlocks.filter((b) => b.article === article)) {
      const spanKeys = block.children.map((span) => span._key)
      expect(duplicates(spanKeys), at(article, `${field}.children[]._key duplicates`)).toEqual([])
      const defKeys = block.markDefs.map((def) => def._key)
      expect(duplicates(defKeys), at(article, `${field}.markDefs[]._key duplicates`)).toEqual([])
    }
  })

  it('every markDef is used by a span and every span mark is defined', () => {
    for (const { block, field } of allBlocks.filter((b) => b.article === article)) {
      const defined = new Set(block.markDefs.map((def) => def._key))
      const used = new Set(block.children.flatMap((span) => span.marks ?? []))
      for (const key of defined)
        expect(used.has(key), at(article, `${field} markDef ${key}`)).toBe(true)
      for (const key of used) {
        const known = defined.has(key) || key === 'strong' || key === 'em'
        expect(known, at(article, `${field} span mark ${key}`)).toBe(true)
      }
    }
  })
})

describe('the photo', () => {
  it('the caption appears once as a document even though the seed prints it twice', () => {
    const photos = docs.filter((d) => d._type === 'photo')
    expect(photos.map((p) => p._id)).toHaveLength(1)
  })
})

// 3 and 4. Quotes: verbatim, annotated once, with a speaker or attribution taken from the story.
describe.each(quotes.map((q) => [q._id, q] as const))('quote %s', (_id, quote) => {
  const places = quotations.filter((q) => q.quoteId === quote._id)
  // A quote placed in no article is checked against the seed (and fails there as unplaced).
  const seed = places[0] === undefined ? readSeed() : sourceOf(places[0].article)

  it('text: direct and partial quotes stand inside quotation marks in the seed; paraphrases do not', () => {
    const body = seed.body.join('\n')
    const quoted = inQuotationMarks(quote.text, body)
    if (quote.kind === 'paraphrase') {
      expect(body.includes(quote.text), at(quote, 'text: not the story’s own words')).toBe(true)
      expect(quoted, at(quote, 'kind: words in quotation marks are direct or partial')).toBe(false)
    } else {
      expect(quoted, at(quote, 'text: not found inside quotation marks in the seed')).toBe(true)
    }
  })

  it('kind: a direct quote is a whole sentence (capital first letter), a partial one a fragment', () => {
    if (quote.kind === 'paraphrase') return
    const capital = /^\p{Lu}/u.test(quote.text)
    expect(capital, at(quote, `kind "${quote.kind}" for "${quote.text.slice(0, 40)}"`)).toBe(
      quote.kind === 'direct',
    )
  })

  it('is annotated exactly once in the article, on exactly its words', () => {
    expect(places.length, at(quote, 'quotation annotations in the article')).toBe(1)
    for (const { article, block, field, key } of places) {
      const ranges = markedRanges(block, key)
      expect(ranges.length, at(article, `${field} markDef ${key}: one unbroken run`)).toBe(1)
      const [start = 0, end = 0] = ranges[0] ?? []
      const marked = blockText(block).slice(start, end)
      const where = `${field} markDef ${key} marks other words than ${quote._id}.text`
      expect(marked, at(article, `${where}: ${firstDifference(marked, quote.text, 'quote')}`)).toBe(
        quote.text,
      )
    }
  })

  it('a person speaker stands alone; an organization speaker keeps the story’s words, which name it', () => {
    const speaker = quote.speaker === undefined ? undefined : byId.get(quote.speaker._ref)
    if (speaker === undefined) {
      expect(quote.attribution, at(quote, 'attribution: no speaker, so needed')).toBeTruthy()
    } else if (speaker._type === 'person') {
      expect(quote.attribution, at(quote, 'attribution beside a person')).toBeUndefined()
    } else {
      expect(speaker._type, at(quote, 'speaker._ref')).toBe('organization')
      const name = speaker._type === 'organization' ? speaker.name : '(not an organization)'
      const words = quote.attribution ?? ''
      expect(words.includes(name), at(quote, `attribution "${words}"`)).toBe(true)
    }
  })

  it('channel: an organization that `via` names', () => {
    if (quote.channel === undefined) return
    const channel = byId.get(quote.channel._ref)
    expect(channel?._type, at(quote, 'channel._ref')).toBe('organization')
    const name = channel?._type === 'organization' ? channel.name : ''
    expect((quote.via ?? '').includes(name), at(quote, `via "${quote.via}"`)).toBe(true)
  })

  it('attribution, via and occasion: the story’s own words, near the quote', () => {
    const [place] = places
    const index = place ? textBlocks(place.article.body).indexOf(place.block) : -1
    const dateline = place?.article.dateline
    const here = seedParagraph(seed, index, dateline)
    // A quote that goes on with "Blinken added" takes its occasion from the paragraph before.
    const nearby = `${index > 0 ? seedParagraph(seed, index - 1, dateline) : ''}\n${here}`
    for (const field of ['attribution', 'via', 'occasion'] as const) {
      const words = quote[field]
      if (words === undefined) continue
      expect(inSeed(words, seed.text), at(quote, `${field} "${words}": not in the source`)).toBe(
        true,
      )
      const context = field === 'occasion' ? nearby : here
      expect(inSeed(words, context), at(quote, `${field} "${words}": not beside the quote`)).toBe(
        true,
      )
    }
  })
})

// 5. People: names and roles from the story, every mention annotated.
describe.each(people.map((p) => [p._id, p] as const))('person %s', (_id, person) => {
  const surname = person.name.split(' ').at(-1) ?? person.name
  const forms = new Set([person.name, ...(person.alternateNames ?? []), surname])

  it('name, alternate names and role occur in the seed', () => {
    const inSources = (words: string) => sources.some((text) => text.includes(words))
    for (const name of [person.name, ...(person.alternateNames ?? [])]) {
      expect(inSources(name), at(person, `name "${name}"`)).toBe(true)
    }
    expect(person.role, at(person, 'role')).toBeTruthy()
    expect(inSources(person.role ?? ''), at(person, `role "${person.role}"`)).toBe(true)
  })

  it(`every "${surname}" in the body and highlights is a personMention of this person`, () => {
    const pattern = new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gu')
    for (const { article, block, field } of allBlocks) {
      const mine = personMentions.filter((m) => m.block === block && m.personId === person._id)
      const covered = mine.flatMap((m) => markedRanges(block, m.key))
      for (const match of blockText(block).matchAll(pattern)) {
        const start = match.index
        const end = start + surname.length
        const ok = covered.some(([s, e]) => s <= start && end <= e)
        expect(ok, at(article, `${field} "${surname}" at ${start}: needs a personMention`)).toBe(
          true,
        )
      }
    }
  })

  it('each personMention of this person marks one of its names', () => {
    for (const { article, block, field, key } of personMentions.filter(
      (m) => m.personId === person._id,
    )) {
      for (const [s, e] of markedRanges(block, key)) {
        const words = blockText(block).slice(s, e)
        expect(forms.has(words), at(article, `${field} markDef ${key} marks "${words}"`)).toBe(true)
      }
    }
  })
})

// 5b. Organizations: named in the story's words, every mention of the name annotated.
describe.each(organizations.map((o) => [o._id, o] as const))('organization %s', (_id, org) => {
  const names = [org.name, ...(org.alternateNames ?? [])]

  it('name and alternate names occur in the seed, and nothing else is said of it', () => {
    for (const name of names) expect(seed.text.includes(name), at(org, `name "${name}"`)).toBe(true)
    expect(Object.keys(org).sort()).toEqual(
      ['_id', '_type', 'alternateNames', 'name', 'slug'].filter((key) => key in org),
    )
  })

  it(`every "${org.name}" in the body is an organizationMention of it, and each marks a name`, () => {
    const body = allBlocks.filter(({ field }) => field.startsWith('body'))
    const pattern = new RegExp(
      `(?<![\\w.])${org.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`,
      'gu',
    )
    let found = 0
    for (const { article, block } of body) {
      const mine = organizationMentions.filter(
        (m) => m.block === block && m.organizationId === org._id,
      )
      const covered = mine.flatMap((m) => markedRanges(block, m.key))
      for (const match of blockText(block).matchAll(pattern)) {
        found++
        const [start, end] = [match.index, match.index + org.name.length]
        const ok = covered.some(([s, e]) => s <= start && end <= e)
        expect(
          ok,
          at(article, `body "${org.name}" at ${start}: needs an organizationMention`),
        ).toBe(true)
      }
      for (const [s, e] of covered) {
        const words = blockText(block).slice(s, e)
        expect(
          names.some((name) => words.includes(name)),
          at(article, `marks "${words}"`),
        ).toBe(true)
      }
    }
    expect(found, at(org, 'the body never names it')).toBeGreaterThan(0)
  })
})

describe('references in annotations', () => {
  it('every organizationMention names an organization', () => {
    for (const m of organizationMentions) {
      expect(byId.get(m.organizationId)?._type, at(m.article, `markDef ${m.key}`)).toBe(
        'organization',
      )
    }
  })

  it('every personMention names a person and every quotation a quote', () => {
    for (const m of personMentions) {
      expect(byId.get(m.personId)?._type, at(m.article, `${m.field} markDef ${m.key}`)).toBe(
        'person',
      )
    }
    for (const q of quotations) {
      expect(byId.get(q.quoteId)?._type, at(q.article, `${q.field} markDef ${q.key}`)).toBe('quote')
    }
  })
})

// 6. Nothing the seed does not give.
describe('nothing invented', () => {
  /** Every key path in a document, so a nested invented field is found too. */
  function* keys(node: unknown, path: string): Generator<[string, string]> {
    if (node === null || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      yield [key, `${path}.${key}`]
      yield* keys(value, `${path}.${key}`)
    }
  }

  it.each(docs.map((d) => [d._id, d] as const))(
    '%s has no credit, byline, author or image',
    (_id, doc) => {
      for (const [key, path] of keys(doc, '')) {
        expect(INVENTED_FIELDS.includes(key), at(doc, `${path}: the seed gives no ${key}`)).toBe(
          false,
        )
      }
      if (doc._type === 'photo')
        expect(doc.image, at(doc, 'image: the seed has no image file')).toBeUndefined()
    },
  )

  it.each(articles.map((a) => [a._id, a] as const))(
    '%s datePublished has no time of day',
    (_id, article) => {
      expect(article.datePublished, at(article, 'datePublished')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    },
  )
})

// 7. Every passage the seed puts in quotation marks is a Quote, or a name on the allow-list.
describe('quoted passages in the seed', () => {
  const passages = seed.body.flatMap((paragraph) =>
    [...paragraph.matchAll(/"([^"]+)"|“([^”]+)”/gu)].map((m) =>
      (m[1] ?? m[2] ?? '').replace(/,$/, ''),
    ),
  )
  const quoted = new Set(quotes.filter((q) => q.kind !== 'paraphrase').map((q) => q.text))

  it.each(passages.map((p) => [p.slice(0, 60), p] as const))(
    '"%s" is a Quote or a name',
    (_, passage) => {
      const accounted = quoted.has(passage) || QUOTED_NAMES.has(passage)
      expect(
        accounted,
        `no content/quotes/*.json has text "${passage}" and it is not a listed name`,
      ).toBe(true)
    },
  )

  it('the allow-list of names holds only passages the seed quotes, none of them a Quote', () => {
    for (const name of QUOTED_NAMES) {
      expect(passages.includes(name), `QUOTED_NAMES "${name}" is not quoted in the seed`).toBe(true)
      expect(quoted.has(name), `"${name}" is a name, not a Quote`).toBe(false)
    }
  })
})

// 8. Every article that has a source text renders as that source: content/ and the test content.
describe('text rendering equals the source', async () => {
  const folders = [
    CONTENT_DIR,
    ...readdirSync(join(ROOT, 'tests', 'fixtures'))
      .filter((name) => name.startsWith('content-'))
      .map((name) => join(ROOT, 'tests', 'fixtures', name)),
  ]
  const sets = await Promise.all(folders.map((folder) => readDocuments(folder)))
  const cases = sets.flatMap((documents, i) =>
    documents.flatMap((document) => {
      const source = sourceFileOf(document._id)
      if (document._type !== 'article' || source === undefined) return []
      return [{ id: document._id, folder: relative(ROOT, folders[i] ?? ''), documents, source }]
    }),
  )

  it('covers the article of content/ and both test stories', () => {
    expect(cases.map(({ id }) => id).sort()).toEqual([
      'article-first-top-level-us-russia-meeting-after-ukraine-war',
      'article-testville-ferry-resumes',
      'article-testville-library-reading-room',
    ])
  })

  it.each(cases)('$id ($folder)', ({ id, documents, source }) => {
    const rendered = readingLines(renderArticle(documents, id, 'text'))
    expect(rendered, `${id}: its text rendering, line by line`).toEqual(
      readingLines(readFileSync(source, 'utf8')),
    )
  })
})
