import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Findings, FoundQuote, StoryPart } from '../../src/importer/story.js'

/**
 * The importer's quality eval: a gold story's hand-checked model in a compact form, the figures
 * that compare the finder's findings with it, and the table `npm run eval` prints.
 */

/** A person or organization of a gold model. */
export interface GoldEntity {
  id: string
  name: string
  role?: string
  alternateNames?: string[]
}

/** A quote of a gold model; `speaker` and `channel` are ids of the model's people or organizations. */
export interface GoldQuote {
  text: string
  kind: FoundQuote['kind']
  speaker?: string
  attribution?: string
  via?: string
  channel?: string
}

/** A place where the gold model names a person or an organization. */
export interface GoldMention {
  id: string
  part: StoryPart
  index: number
  start: number
  end: number
}

/** A gold story's model: what an editor checked by hand. */
export interface GoldStory {
  people: GoldEntity[]
  organizations: GoldEntity[]
  quotes: GoldQuote[]
  /** Only the seed's model, from content/, has mentions; the parts it annotates are compared. */
  mentions?: GoldMention[]
  /** Review items the story must raise: a code and the words the item is about. */
  review?: { code: string; text: string }[]
}

/** A ratio and what it is made of, so that a figure on few cases says so. */
export interface Ratio {
  right: number
  of: number
}

/** The figures for one story (or the total). */
export interface StoryQuality {
  story: string
  peoplePrecision: Ratio
  peopleRecall: Ratio
  quotePrecision: Ratio
  quoteRecall: Ratio
  speakers: Ratio
  kinds: Ratio
  channels: Ratio
  mentionPrecision?: Ratio
  mentionRecall?: Ratio
}

/** The value of a ratio; 1 when there was nothing to get right. */
export function value(ratio: Ratio): number {
  return ratio.of === 0 ? 1 : ratio.right / ratio.of
}

/** Quotation text compared without regard to curly or straight marks and runs of spaces. */
function normal(text: string | undefined): string {
  return (text ?? '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

const QUOTED: ReadonlySet<string> = new Set(['direct', 'partial'])

/** Compares findings with a gold model. */
export function scoreStory(story: string, found: Findings, gold: GoldStory): StoryQuality {
  // A found entity is the gold one when one of its spellings is one of the gold one's.
  const spellings = (e: { name: string; alternateNames?: string[] }) =>
    new Set([e.name, ...(e.alternateNames ?? [])].map(normal))
  const goldIdOf = new Map<string, string>()
  const entityPair = (
    foundEntities: { id: string; name: string; alternateNames: string[] }[],
    goldEntities: GoldEntity[],
  ) => {
    for (const f of foundEntities) {
      const names = spellings(f)
      const g = goldEntities.find((e) => [...spellings(e)].some((n) => names.has(n)))
      if (g) goldIdOf.set(f.id, g.id)
    }
  }
  entityPair(found.people, gold.people)
  entityPair(found.organizations, gold.organizations)
  const peopleFound = found.people.filter((p) => goldIdOf.has(p.id))
  const goldPeopleFound = new Set(peopleFound.map((p) => goldIdOf.get(p.id)))

  // Quotes: each gold quote is matched by at most one found quote with the same words.
  const foundQuotes = found.quotes.filter((q) => QUOTED.has(q.kind))
  const goldQuotes = gold.quotes.filter((q) => QUOTED.has(q.kind))
  const unused = [...foundQuotes]
  const pairs: [GoldQuote, FoundQuote][] = []
  for (const g of goldQuotes) {
    const at = unused.findIndex((f) => normal(f.text) === normal(g.text))
    if (at < 0) continue
    pairs.push([g, unused[at] as FoundQuote])
    unused.splice(at, 1)
  }
  const mapped = (id: string | undefined) => (id === undefined ? undefined : goldIdOf.get(id))
  const speakerRight = ([g, f]: [GoldQuote, FoundQuote]) =>
    g.speaker !== undefined
      ? mapped(f.speaker) === g.speaker
      : f.speaker === undefined && normal(f.attribution) === normal(g.attribution)
  const channelRight = ([g, f]: [GoldQuote, FoundQuote]) =>
    mapped(f.channel) === g.channel && normal(f.via) === normal(g.via)
  const count = (test: (pair: [GoldQuote, FoundQuote]) => boolean): Ratio => ({
    right: pairs.filter(test).length,
    of: pairs.length,
  })
  const quality: StoryQuality = {
    story,
    peoplePrecision: { right: peopleFound.length, of: found.people.length },
    peopleRecall: { right: goldPeopleFound.size, of: gold.people.length },
    quotePrecision: { right: pairs.length, of: foundQuotes.length },
    quoteRecall: { right: pairs.length, of: goldQuotes.length },
    speakers: count(speakerRight),
    kinds: count(([g, f]) => g.kind === f.kind),
    channels: count(channelRight),
  }
  if (gold.mentions) {
    const parts = new Set(gold.mentions.map((m) => m.part))
    const key = (m: { part: string; index: number; start: number; end: number }, id?: string) =>
      `${m.part}/${m.index}/${m.start}/${m.end}/${id}`
    const goldKeys = new Set(gold.mentions.map((m) => key(m, m.id)))
    const foundMentions = found.mentions.filter((m) => parts.has(m.range.part))
    const right = foundMentions.filter((m) => goldKeys.has(key(m.range, mapped(m.id)))).length
    quality.mentionPrecision = { right, of: foundMentions.length }
    quality.mentionRecall = { right, of: gold.mentions.length }
  }
  return quality
}

/** The figures of several stories added up (the ratios' parts are summed, not averaged). */
export function totalQuality(rows: StoryQuality[]): StoryQuality {
  const sum = (pick: (q: StoryQuality) => Ratio | undefined): Ratio =>
    rows.reduce(
      (total, q) => {
        const r = pick(q)
        return r ? { right: total.right + r.right, of: total.of + r.of } : total
      },
      { right: 0, of: 0 },
    )
  return {
    story: 'total',
    peoplePrecision: sum((q) => q.peoplePrecision),
    peopleRecall: sum((q) => q.peopleRecall),
    quotePrecision: sum((q) => q.quotePrecision),
    quoteRecall: sum((q) => q.quoteRecall),
    speakers: sum((q) => q.speakers),
    kinds: sum((q) => q.kinds),
    channels: sum((q) => q.channels),
    mentionPrecision: sum((q) => q.mentionPrecision),
    mentionRecall: sum((q) => q.mentionRecall),
  }
}

const COLUMNS: [string, (q: StoryQuality) => Ratio | undefined][] = [
  ['people P', (q) => q.peoplePrecision],
  ['people R', (q) => q.peopleRecall],
  ['quotes P', (q) => q.quotePrecision],
  ['quotes R', (q) => q.quoteRecall],
  ['speakers', (q) => q.speakers],
  ['kinds', (q) => q.kinds],
  ['channels', (q) => q.channels],
  ['mentions P', (q) => q.mentionPrecision],
  ['mentions R', (q) => q.mentionRecall],
]

/** The quality table: one row per story and the total; each cell "0.95 19/20". */
export function formatQualityTable(rows: StoryQuality[]): string {
  const cell = (r: Ratio | undefined) =>
    r === undefined || r.of === 0 ? '–' : `${value(r).toFixed(2)} ${r.right}/${r.of}`
  const table = [
    ['story', ...COLUMNS.map(([title]) => title)],
    ...[...rows, totalQuality(rows)].map((q) => [
      q.story,
      ...COLUMNS.map(([, pick]) => cell(pick(q))),
    ]),
  ]
  const widths =
    table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? []
  const lines = table.map((row) =>
    row
      .map((text, i) => (i === 0 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0)))
      .join('  '),
  )
  return `${lines.join('\n')}\n\nP precision, R recall; quotes are direct and partial ones, compared on their words; speakers, kinds and channels (channel and via) are of the gold quotes found; mentions only where the gold model has them (the seed's content/).\n`
}

interface PortableBlock {
  _key: string
  children: { text: string; marks: string[] }[]
  markDefs: {
    _key: string
    _type: string
    person?: { _ref: string }
    organization?: { _ref: string }
  }[]
}

/** Reads the JSON documents of one content/ folder (one type). */
async function documentsIn(folder: string): Promise<Record<string, unknown>[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()
  return Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8'))),
  )
}

/** The mentions a list of Portable Text blocks annotates, as ranges of each block's text. */
function blockMentions(blocks: PortableBlock[], part: StoryPart): GoldMention[] {
  const mentions: GoldMention[] = []
  blocks.forEach((block, index) => {
    const spans = new Map<string, { start: number; end: number }>()
    let at = 0
    for (const child of block.children) {
      for (const mark of child.marks) {
        const span = spans.get(mark)
        spans.set(mark, { start: span?.start ?? at, end: at + child.text.length })
      }
      at += child.text.length
    }
    for (const def of block.markDefs) {
      const id = def.person?._ref ?? def.organization?._ref
      const span = spans.get(def._key)
      if (id && span) mentions.push({ id, part, index, ...span })
    }
  })
  return mentions
}

/**
 * The seed's gold model, from a content folder modelled by hand (today's content/): its people,
 * organizations and quotes, and the mentions its article annotates (highlights and body).
 */
export async function goldFromContent(contentDir: string): Promise<GoldStory> {
  const entity = (doc: Record<string, unknown>): GoldEntity => ({
    id: String(doc._id),
    name: String(doc.name),
    ...(typeof doc.role === 'string' ? { role: doc.role } : {}),
    alternateNames: (doc.alternateNames as string[] | undefined) ?? [],
  })
  const ref = (value: unknown) => (value as { _ref?: string } | undefined)?._ref
  const [people, organizations, quotes, articles] = await Promise.all(
    ['people', 'organizations', 'quotes', 'articles'].map((type) =>
      documentsIn(join(contentDir, type)),
    ),
  )
  const article = articles?.[0] as
    | { highlights?: PortableBlock[]; body: PortableBlock[] }
    | undefined
  return {
    people: (people ?? []).map(entity),
    organizations: (organizations ?? []).map(entity),
    quotes: (quotes ?? []).map((doc) => {
      const quote: GoldQuote = { text: String(doc.text), kind: doc.kind as GoldQuote['kind'] }
      const speaker = ref(doc.speaker)
      const channel = ref(doc.channel)
      if (speaker) quote.speaker = speaker
      else if (typeof doc.attribution === 'string') quote.attribution = doc.attribution
      if (typeof doc.via === 'string') quote.via = doc.via
      if (channel) quote.channel = channel
      return quote
    }),
    mentions: article
      ? [
          ...blockMentions(article.highlights ?? [], 'highlight'),
          ...blockMentions(article.body, 'paragraph'),
        ]
      : [],
  }
}

/** A gold story: its wire copy and its model. */
export interface GoldStoryFile {
  name: string
  /** The wire copy's path. */
  file: string
  gold: GoldStory
}

/** Where the gold stories are, under the repository's root. */
export const GOLD_STORIES = 'tests/fixtures/import/stories'
/** The seed's copy in the repository; its model is content/. */
export const SEED_STORY = 'tests/fixtures/seed/000_25f450da8731cd39.txt'

/** The seed (gold: content/) and each `<name>.txt` beside its `<name>.gold.json`. */
export async function loadGoldStories(root: string): Promise<GoldStoryFile[]> {
  const stories: GoldStoryFile[] = [
    {
      name: 'seed',
      file: join(root, SEED_STORY),
      gold: await goldFromContent(join(root, 'content')),
    },
  ]
  const folder = join(root, GOLD_STORIES)
  for (const name of (await readdir(folder)).filter((n) => n.endsWith('.txt')).sort()) {
    const base = name.slice(0, -'.txt'.length)
    const gold = JSON.parse(await readFile(join(folder, `${base}.gold.json`), 'utf8')) as GoldStory
    stories.push({ name: base, file: join(folder, name), gold })
  }
  return stories
}
