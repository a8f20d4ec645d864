/**
 * IPTC ninjs 3.1 export: every document is valid against the official JSON Schema (a copy of
 * IPTC's file, checked against the newsroom's shared/ folder when it is there), and every field
 * comes from the content or the seed, with nothing invented: no time of day, no job title field,
 * no credit, no image URL.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { Article, Organization, Person, Photo, Quote } from 'us-russia-g20-story'
import {
  NINJS_SCHEMA_ID,
  type NinjsDocument,
  RenderError,
  renderArticle,
  renderNinjs,
  serializeNinjs,
  UnknownArticleError,
} from 'us-russia-g20-story/render'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/outputs/build.js'
import { OUTPUT_MANIFEST } from '../src/outputs/output-manifest.js'
import { copyPackage, runScript, tempDir } from './build-helpers.js'
import { hostileDocuments, PAYLOAD, UNSAFE_HREFS } from './fixtures/render/hostile.js'
import {
  articleParts,
  attr,
  contentDocuments,
  Page,
  ROOT,
  SEED_FILE,
  SITE,
  straightQuotes,
  text,
} from './fixtures/render/html.js'
import { ARTICLE_ID, articleOf, storyDocuments } from './fixtures/render/story.js'

const STANDARD_DIR = join(ROOT, 'tests/fixtures/standards/ninjs')
const SHARED_DIR = join(ROOT, '..', 'shared', 'standards', 'ninjs')
const SCHEMA_FILE = 'ninjs-schema_3.1.json'
const GEOJSON_FILE = 'GeoJSON-schema.json'

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
const ninjsSchema = readJson(join(STANDARD_DIR, SCHEMA_FILE))
const geoJsonSchema = readJson(join(STANDARD_DIR, GEOJSON_FILE))

/**
 * The official schema compiled as its README says: draft 2020-12, GeoJSON added first, formats
 * checked. Default options (the schema does not compile with `strict: true`, see the README).
 */
function ninjsValidator() {
  const ajv = new Ajv2020({ allErrors: true })
  const addFormats = addFormatsModule as unknown as (instance: Ajv2020) => void
  addFormats(ajv)
  ajv.addSchema(geoJsonSchema)
  return ajv.compile(ninjsSchema)
}
const validateNinjs = ninjsValidator()

function schemaErrors(document: unknown): ErrorObject[] {
  return validateNinjs(document) ? [] : [...(validateNinjs.errors ?? [])]
}

const documents = contentDocuments()
const article = documents.find((document): document is Article => document._type === 'article')
if (article === undefined) throw new Error('content/ has no article')
const ninjs = renderNinjs(documents, article._id)
const byId = new Map(documents.map((document) => [document._id, document]))
/** What the render script prints: made with the package's site.config.json. */
const ninjsOfScript = renderNinjs(documents, article._id, { site: SITE })

describe('the official schema copy', () => {
  it('declares draft 2020-12, which the validator implements', () => {
    expect(ninjsSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(geoJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  })

  it('is the schema each document names in `standard.schema`', () => {
    expect(ninjs.standard.schema).toBe(ninjsSchema.$id)
    expect(NINJS_SCHEMA_ID).toBe(ninjsSchema.$id)
  })

  it.runIf(existsSync(SHARED_DIR)).each([SCHEMA_FILE, GEOJSON_FILE, 'LICENSE', 'README.md'])(
    '%s matches shared/standards/ninjs byte for byte',
    (file) => {
      expect(readFileSync(join(STANDARD_DIR, file))).toEqual(readFileSync(join(SHARED_DIR, file)))
    },
  )
})

describe('schema validation', () => {
  it('accepts the article of content/', () => {
    expect(schemaErrors(ninjs)).toEqual([])
  })

  it('accepts the fixture story (photo embed, credit, image asset, lists, headings)', () => {
    expect(schemaErrors(renderNinjs(storyDocuments(), ARTICLE_ID))).toEqual([])
  })

  it('accepts an article whose datePublished has a time, with firstCreated', () => {
    const story = storyDocuments()
    articleOf(story).datePublished = '2023-03-03T09:30:00+05:30'
    expect(schemaErrors(renderNinjs(story, ARTICLE_ID))).toEqual([])
  })

  // The validator must be able to fail: each broken copy is refused where it is broken.
  const broken: [string, (document: Record<string, unknown>) => void, string, string][] = [
    [
      'a date without a time in firstCreated',
      (d) => {
        d.firstCreated = '2023-03-03'
      },
      '/firstCreated',
      'format',
    ],
    [
      'a wrongly spelled body count (wordcount)',
      (d) => {
        const [body] = d.bodies as Record<string, unknown>[]
        if (body === undefined) throw new Error('no body')
        body.wordcount = body.wordCount
      },
      '/bodies/0',
      'additionalProperties',
    ],
    [
      'a field ninjs does not have (dateline)',
      (d) => {
        d.dateline = 'NEW DELHI'
      },
      '',
      'unevaluatedProperties',
    ],
    [
      'a type outside the ninjs news types',
      (d) => {
        d.type = 'article'
      },
      '/type',
      'enum',
    ],
    [
      'an association without its name',
      (d) => {
        const [photo] = d.associations as Record<string, unknown>[]
        if (photo === undefined) throw new Error('no association')
        delete photo.name
      },
      '/associations/0',
      'required',
    ],
    [
      'a job title on a person',
      (d) => {
        const [person] = d.people as Record<string, unknown>[]
        if (person === undefined) throw new Error('no person')
        person.role = 'US Secretary of State'
      },
      '/people/0',
      'additionalProperties',
    ],
    [
      'a uri that is not a URI',
      (d) => {
        d.uri = 'not a uri'
      },
      '/uri',
      'format',
    ],
  ]

  it.each(broken)('refuses %s', (_, breakIt, instancePath, keyword) => {
    const copy = structuredClone(ninjs) as unknown as Record<string, unknown>
    breakIt(copy)
    const errors = schemaErrors(copy)
    expect(errors.map((error) => [error.instancePath, error.keyword])).toContainEqual([
      instancePath,
      keyword,
    ])
  })
})

/** The body paragraphs of the seed, as printed: everything after the highlights' bullets. */
function seedBody(): string[] {
  const lines = readFileSync(SEED_FILE, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
  const lastBullet = lines.findLastIndex((line) => line.trim().startsWith('•'))
  return lines.slice(lastBullet + 1)
}

/** Words as a reader counts them: runs of non-space characters with a letter or a digit. */
function words(value: string): number {
  return value.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

describe('every field comes from the content', () => {
  it('identifies the article by its _id, in the namespace of the package schemas', () => {
    const schemaId = readJson(join(ROOT, 'schemas/article.schema.json')).$id as string
    const base = new URL('../', schemaId).href
    expect(ninjs.uri).toBe(`${base}documents/${article._id}`)
    expect(new URL(ninjs.uri).hostname).toMatch(/\.example$/)
  })

  it('is a text item in the language the site declares', () => {
    expect(ninjs.type).toBe('text')
    const page = new Page('article', renderArticle(documents, article._id, 'html'))
    expect(ninjs.language).toBe(attr(page.one('html'), 'lang'))
  })

  it('is located at the dateline, which opens the seed body', () => {
    expect(ninjs.located).toBe(article.dateline)
    expect(seedBody()[0]?.startsWith(`${ninjs.located}: `)).toBe(true)
  })

  it('carries the headline and standfirst verbatim, with roles', () => {
    expect(ninjs.headlines).toEqual([
      { role: 'main', contentType: 'text/plain', value: article.headline },
    ])
    expect(ninjs.descriptions?.[0]).toEqual({
      role: 'summary',
      contentType: 'text/plain',
      value: article.standfirst,
    })
    const seed = readFileSync(SEED_FILE, 'utf8').split(/\r?\n/)
    expect(seed).toContain(ninjs.headlines[0]?.value)
    expect(seed).toContain(ninjs.descriptions?.[0]?.value)
    expect(ninjs.slugline).toBe(article.slug.current)
  })

  it('carries the body and the highlights exactly as the article page shows them', () => {
    // The page sets the highlights box and the photo after the first paragraph, and shows
    // typographic quotation marks: articleParts takes both back out (see there).
    const page = articleParts(renderArticle(documents, article._id, 'html'))
    const [body] = ninjs.bodies
    expect(body?.contentType).toBe('text/html')
    expect(page.body).toBe(straightQuotes(body?.value ?? ''))
    const highlights = ninjs.descriptions?.find((entry) => entry.role === 'highlights')
    expect(highlights?.contentType).toBe('text/html')
    expect(page.highlights).toBe(straightQuotes(highlights?.value ?? ''))
  })

  it('counts the words and characters of the seed body, as the text rendering prints it', () => {
    const seedText = seedBody().join('\n\n')
    const plain = renderArticle(documents, article._id, 'text')
    const start = plain.indexOf(`${article.dateline}: `)
    const bodyText = plain.slice(start).replace(/\n$/, '')
    expect(bodyText).toBe(seedText)
    expect(ninjs.bodies[0]?.wordCount).toBe(words(seedText))
    expect(ninjs.bodies[0]?.charCount).toBe([...seedText].length)
  })

  it('leaves figure captions out of the counts', () => {
    const story = storyDocuments()
    const photo = story.find((document) => document._id === 'photo-embedded') as Photo
    const plain = renderArticle(story, ARTICLE_ID, 'text')
    const captionPart = `${photo.caption} (${photo.credit})`
    const parts = plain.replace(/\n$/, '').split('\n\n')
    const bodyParts = parts.slice(parts.findIndex((part) => part.startsWith('TESTVILLE: ')))
    expect(bodyParts).toContain(captionPart)
    const withoutCaption = bodyParts.filter((part) => part !== captionPart).join('\n\n')
    const [body] = renderNinjs(story, ARTICLE_ID).bodies
    expect(body?.wordCount).toBe(words(withoutCaption))
    expect(body?.charCount).toBe([...withoutCaption].length)
  })

  it('lists the people the article names, quoted or mentioned, with their own ids only', () => {
    const mentioned = new Set<string>()
    const speakers = new Set<string>()
    for (const block of [...(article.highlights ?? []), ...article.body]) {
      if (block._type !== 'block') continue
      for (const def of block.markDefs) {
        if (def._type === 'personMention') mentioned.add(def.person._ref)
        if (def._type !== 'quotation') continue
        const speaker = (byId.get(def.quote._ref) as Quote).speaker?._ref
        if (speaker !== undefined && byId.get(speaker)?._type === 'person') speakers.add(speaker)
      }
    }
    const people = ninjs.people ?? []
    expect(new Set(people.map((person) => person.literal))).toEqual(
      new Set([...mentioned, ...speakers]),
    )
    for (const person of people) {
      const source = byId.get(person.literal) as Person
      expect(person).toEqual({
        name: source.name,
        rel: speakers.has(source._id) ? 'quoted' : 'mentioned',
        uri: `${new URL('./', ninjs.uri).href}${source._id}`,
        literal: source._id,
      })
    }
    expect(people.filter((person) => person.rel === 'mentioned').length).toBeGreaterThan(0)
  })

  it('lists the organizations the article names as organisations: quoted, source or mentioned', () => {
    const organisations = ninjs.organisations ?? []
    const rels = Object.fromEntries(organisations.map((org) => [org.literal, org.rel]))
    expect(rels).toEqual({
      'organization-g20': 'mentioned',
      'organization-russian-foreign-ministry': 'quoted',
      'organization-russian-news-agencies': 'source',
      'organization-state-department': 'quoted',
      'organization-german-delegation': 'source',
      'organization-kremlin': 'mentioned',
      'organization-un': 'mentioned',
      'organization-pentagon': 'quoted',
      'organization-ria-novosti': 'source',
      'organization-g7': 'mentioned',
    })
    for (const org of organisations) {
      const source = byId.get(org.literal) as Organization
      expect(org).toEqual({
        name: source.name,
        rel: org.rel,
        uri: `${new URL('./', ninjs.uri).href}${source._id}`,
        literal: source._id,
      })
    }
  })

  it('associates the lead photo with its caption and alt text, and no credit or image URL', () => {
    const ref = article.photo?._ref as string
    const photo = byId.get(ref) as Photo
    expect(photo.credit).toBeUndefined()
    expect(photo.image).toBeUndefined()
    expect(ninjs.associations).toEqual([
      {
        name: photo._id,
        rel: 'photo',
        uri: `${new URL('./', ninjs.uri).href}${photo._id}`,
        type: 'picture',
        descriptions: [
          { role: 'caption', contentType: 'text/plain', value: photo.caption },
          { role: 'alt', contentType: 'text/plain', value: photo.alt },
        ],
      },
    ])
    expect(readFileSync(SEED_FILE, 'utf8')).toContain(photo.caption)
  })

  it('gives an embedded photo its credit as `by` and its image size, with no URL made up', () => {
    const story = renderNinjs(storyDocuments(), ARTICLE_ID)
    const embedded = story.associations?.find((entry) => entry.name === 'photo-embedded')
    expect(embedded?.rel).toBe('photoEmbed')
    expect(embedded?.by).toBe('Test Agency')
    expect(embedded?.renditions).toEqual([
      { name: 'original', contentType: 'image/jpeg', width: 1200, height: 800 },
    ])
    const lead = story.associations?.find((entry) => entry.name === 'photo-lead')
    expect(lead?.rel).toBe('photo')
    expect(lead?.renditions).toBeUndefined()
    expect(lead?.by).toBeUndefined()
  })

  it('links a rendition only to an absolute http(s) image URL', () => {
    const cdn = renderNinjs(storyDocuments(), ARTICLE_ID, {
      imageUrl: (asset) => `https://cdn.example.org/${asset.hash}.${asset.format}`,
    })
    const [rendition] = cdn.associations?.find((e) => e.name === 'photo-embedded')?.renditions ?? []
    expect(rendition?.href).toBe('https://cdn.example.org/abc123def456.jpg')
    const local = renderNinjs(storyDocuments(), ARTICLE_ID, { imageUrl: () => 'images/abc.jpg' })
    const [plain] = local.associations?.find((e) => e.name === 'photo-embedded')?.renditions ?? []
    expect(plain).toEqual({ name: 'original', contentType: 'image/jpeg', width: 1200, height: 800 })
    // As on the site, a URL that could run script is refused, not quietly dropped.
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA']) {
      expect(() => renderNinjs(storyDocuments(), ARTICLE_ID, { imageUrl: () => url })).toThrow(
        expect.objectContaining({ rule: 'render/invalid-option' }),
      )
    }
  })
})

describe('no invented time', () => {
  const DATE_FIELDS = ['firstCreated', 'versionCreated', 'contentCreated', 'embargoedUntil']

  it('leaves every ninjs date out when the content gives a date alone', () => {
    expect(article.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    for (const field of DATE_FIELDS) expect(ninjs).not.toHaveProperty(field)
    expect(serializeNinjs(ninjs)).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
  })

  it('uses the date-time, unchanged, as firstCreated when the content gives one', () => {
    const story = storyDocuments()
    articleOf(story).datePublished = '2023-03-03T09:30:00+05:30'
    const withTime = renderNinjs(story, ARTICLE_ID)
    expect(withTime.firstCreated).toBe('2023-03-03T09:30:00+05:30')
    for (const field of DATE_FIELDS.slice(1)) expect(withTime).not.toHaveProperty(field)
  })
})

describe('options and errors', () => {
  it('builds URIs on another base', () => {
    const other = renderNinjs(documents, article._id, { uriBase: 'https://news.example.org/' })
    expect(other.uri).toBe(`https://news.example.org/documents/${article._id}`)
    expect(schemaErrors(other)).toEqual([])
  })

  it.each([
    'javascript:alert(1)/',
    'ftp://files.example.org/',
    'https://news.example.org',
    'news/',
  ])('refuses the uriBase %j with a message that says what to use', (uriBase) => {
    expect(() => renderNinjs(documents, article._id, { uriBase })).toThrow(
      expect.objectContaining({
        rule: 'render/invalid-option',
        message: expect.stringContaining('absolute http(s) URL ending in "/"'),
      }),
    )
    expect(() => renderNinjs(documents, article._id, { uriBase })).toThrow(RenderError)
  })

  it('names the article ids there are for an unknown id', () => {
    expect(() => renderNinjs(documents, 'article-nope')).toThrow(UnknownArticleError)
    expect(() => renderNinjs(documents, 'article-nope')).toThrow(article._id)
  })
})

describe('hostile content', () => {
  const hostile = hostileDocuments()
  const document = renderNinjs(hostile, ARTICLE_ID)
  const json = serializeNinjs(document)

  it('is still valid ninjs', () => {
    expect(schemaErrors(document)).toEqual([])
  })

  it('keeps plain-text fields as the exact text, marked text/plain', () => {
    const source = articleOf(hostile)
    expect(document.headlines[0]).toEqual({
      role: 'main',
      contentType: 'text/plain',
      value: source.headline,
    })
    expect(JSON.parse(json)).toEqual(document)
    expect(document.people?.map((person) => person.name)).toContain(`Ada Example ${PAYLOAD}`)
  })

  it('writes JSON that cannot drive a terminal: no raw control characters or line separators', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused.
    expect(json.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
    expect(json).toContain('\\u2028')
  })

  it('has a body with no script, comment, event handler or unsafe link', () => {
    const body = document.bodies[0]?.value ?? ''
    const fragment = new Page('body', `<!doctype html><html><body>${body}</body></html>`)
    expect(fragment.all('script')).toEqual([])
    expect(fragment.comments()).toBe(0)
    const handlers = fragment.elements.flatMap((element) =>
      element.attrs.filter((attribute) => attribute.name.startsWith('on')),
    )
    expect(handlers).toEqual([])
    const hrefs = fragment.all('a').map((a) => attr(a, 'href'))
    for (const href of UNSAFE_HREFS) expect(hrefs).not.toContain(href)
    expect(fragment.elements.map((element) => text(element)).join('')).toContain('<script>')
    expect(articleParts(renderArticle(hostile, ARTICLE_ID, 'html')).body).toBe(straightQuotes(body))
  })
})

describe('npm run render -- --format ninjs', () => {
  const outs: string[] = []
  afterAll(() => {
    for (const dir of outs) rmSync(dir, { recursive: true, force: true })
  })

  it('prints the article as 2-space JSON with a final newline', () => {
    const result = runScript('render', ['--format', 'ninjs', '--id', article._id])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(serializeNinjs(ninjsOfScript))
    expect(result.stdout).toBe(`${JSON.stringify(JSON.parse(result.stdout), null, 2)}\n`)
    expect(schemaErrors(JSON.parse(result.stdout))).toEqual([])
  })

  it('writes DIR/ninjs/<id>.json with --out', () => {
    const out = tempDir('render-ninjs-')
    outs.push(out)
    const result = runScript('render', ['--format', 'ninjs', '--id', article._id, '--out', out])
    expect(result.status).toBe(0)
    expect(readFileSync(join(out, 'ninjs', `${article._id}.json`), 'utf8')).toBe(
      serializeNinjs(ninjsOfScript),
    )
  })

  it('asks for --id, and names the ids there are for an unknown one (exit 2)', () => {
    const noId = runScript('render', ['--format', 'ninjs'])
    expect(noId.status).toBe(2)
    expect(noId.stderr).toContain('--format ninjs renders one article: add --id ARTICLE_ID.')
    const unknown = runScript('render', ['--format', 'ninjs', '--id', 'article-nope'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain(article._id)
    expect(unknown.stderr).not.toMatch(/^\s+at /m)
  })
})

describe('npm run build', () => {
  it('writes dist/ninjs/<article _id>.json next to the site', async () => {
    const root = copyPackage('build-ninjs-')
    try {
      const result = await build({ root })
      expect(result.ok).toBe(true)
      const dir = join(root, 'dist/ninjs')
      const articles = readdirSync(join(root, 'content/articles')).sort()
      expect(readdirSync(dir).sort()).toEqual([OUTPUT_MANIFEST, ...articles])
      const written = readFileSync(join(dir, `${article._id}.json`), 'utf8')
      expect(written).toBe(serializeNinjs(ninjs))
      expect(schemaErrors(JSON.parse(written) as NinjsDocument)).toEqual([])
      expect(existsSync(join(root, 'dist/site/index.html'))).toBe(true)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
