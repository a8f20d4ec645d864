import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { findInStory } from '../src/importer/find/find-in-story.js'
import { readStory } from '../src/importer/read-story.js'
import type { Findings, KnownEntity, WireStory } from '../src/importer/story.js'
import {
  formatQualityTable,
  type GoldStoryFile,
  loadGoldStories,
  scoreStory,
  value,
} from '../tools/eval/import-quality.js'

const ROOT = new URL('..', import.meta.url).pathname
const golds = await loadGoldStories(ROOT)

async function storyOf(gold: GoldStoryFile): Promise<WireStory> {
  return readStory(await readFile(gold.file), gold.file)
}

async function findingsOf(name: string, known: KnownEntity[] = []): Promise<Findings> {
  const gold = golds.find((g) => g.name === name)
  if (!gold) throw new Error(`no gold story ${name}`)
  return findInStory(await storyOf(gold), known)
}

const quote = (f: Findings, text: string) => f.quotes.find((q) => q.text.startsWith(text))
const person = (f: Findings, name: string) => f.people.find((p) => p.name === name)

describe('import quality on the seed (gold: content/)', async () => {
  const seed = golds[0] as GoldStoryFile
  const findings = findInStory(await storyOf(seed), [])
  const quality = scoreStory('seed', findings, seed.gold)

  it('finds exactly the seed’s people', () => {
    expect(value(quality.peoplePrecision)).toBe(1)
    expect(value(quality.peopleRecall)).toBe(1)
  })

  it('finds at least 0.95 of the direct and partial quotes, and 0.9 of their speakers', () => {
    expect(value(quality.quoteRecall)).toBeGreaterThanOrEqual(0.95)
    expect(quality.speakers.of).toBe(quality.quoteRecall.right)
    expect(value(quality.speakers)).toBeGreaterThanOrEqual(0.9)
  })

  it('gives roles as the story titles people, and the caption’s spelling as an alternate name', () => {
    expect(person(findings, 'Sergei Ryabkov')?.role).toBe('Russian Deputy Foreign Minister')
    expect(person(findings, 'Antony Blinken')?.role).toBe('US Secretary of State')
    expect(person(findings, 'Sergei Lavrov')?.alternateNames).toEqual(['Sergey Lavrov'])
  })

  it('annotates the people and organizations where content/ does', () => {
    expect(value(quality.mentionRecall ?? { right: 0, of: 1 })).toBeGreaterThanOrEqual(0.95)
    expect(value(quality.mentionPrecision ?? { right: 0, of: 1 })).toBeGreaterThanOrEqual(0.95)
  })

  it('leaves names in quotation marks as names, and lists them for review', () => {
    for (const name of ['special military operation', 'outcome document']) {
      expect(quote(findings, name)).toBeUndefined()
      expect(
        findings.review.some((r) => r.code === 'import/name-in-quotes' && r.message.includes(name)),
      ).toBe(true)
    }
  })

  it('takes the channel from "according to" and "… reported"', () => {
    expect(quote(findings, 'Unfortunately, one G20')?.channel).toBe(
      'organization-german-delegation',
    )
    expect(quote(findings, 'shamelessly burying')?.channel).toBe('organization-ria-novosti')
    expect(quote(findings, 'There were differences')?.via).toBe('told reporters')
  })

  it('reuses a known person by an alternate name, and does not guess between two', () => {
    const known: KnownEntity[] = [
      {
        kind: 'person',
        id: 'person-lavrov-1',
        name: 'S. Lavrov',
        alternateNames: ['Sergei Lavrov'],
      },
      { kind: 'person', id: 'person-ryabkov-a', name: 'Sergei Ryabkov', alternateNames: [] },
      { kind: 'person', id: 'person-ryabkov-b', name: 'Sergei Ryabkov', alternateNames: [] },
    ]
    const again = findInStory(findingsStory, known)
    expect(person(again, 'Sergei Lavrov')).toMatchObject({ id: 'person-lavrov-1', existing: true })
    const ryabkov = person(again, 'Sergei Ryabkov')
    expect(ryabkov?.existing).toBe(false)
    expect(['person-ryabkov-a', 'person-ryabkov-b']).not.toContain(ryabkov?.id)
    expect(
      again.review.some(
        (r) => r.code === 'import/ambiguous-match' && r.message.includes('Ryabkov'),
      ),
    ).toBe(true)
  })
  const findingsStory = await storyOf(seed)
})

describe('import quality on our gold stories', () => {
  it('computes every figure for every story, and prints the table', async () => {
    const rows = []
    for (const gold of golds) {
      const row = scoreStory(gold.name, findInStory(await storyOf(gold), []), gold.gold)
      for (const figure of [
        row.peoplePrecision,
        row.peopleRecall,
        row.quoteRecall,
        row.speakers,
        row.kinds,
      ])
        expect(Number.isFinite(value(figure))).toBe(true)
      rows.push(row)
    }
    const table = formatQualityTable(rows)
    expect(table.split('\n')[0]).toMatch(/^story +people P +people R +quotes P +quotes R +speakers/)
    expect(table).toMatch(/\ntotal /)
  })

  it('joins a quote that runs across paragraphs, with one range per paragraph', async () => {
    const f = await findingsOf('city-council-tram')
    const q = quote(f, 'This city has talked')
    expect(q?.text).toMatch(/started building\. Every bus on the harbour road/)
    expect(q?.ranges.map((r) => r.index)).toEqual([2, 3])
    expect(q?.speaker).toBe(person(f, 'Linda Marsh')?.id)
    expect(q?.via).toBe('told reporters')
  })

  it('keeps two people with one surname apart, and does not guess a bare surname', async () => {
    const f = await findingsOf('city-council-tram')
    const linda = person(f, 'Linda Marsh')
    const peter = person(f, 'Peter Marsh')
    expect(linda && peter && linda.id !== peter.id).toBe(true)
    expect(quote(f, 'We are being asked')?.speaker).toBe(peter?.id)
    expect(quote(f, 'a fantasy dressed up')?.speaker).toBe(peter?.id)
    expect(
      f.review.some((r) => r.code === 'import/ambiguous-match' && r.message.includes('Marsh')),
    ).toBe(true)
  })

  it('gives an unnamed source as the story words it, and a pronoun the last named speaker', async () => {
    const f = await findingsOf('city-council-tram')
    expect(quote(f, 'The numbers are solid')).toMatchObject({ attribution: 'a council official' })
    expect(quote(f, 'The numbers are solid')?.speaker).toBeUndefined()
    const overdue = f.quotes.filter((q) => q.text === 'long overdue')
    expect(overdue.map((q) => q.speaker)).toEqual([
      person(f, 'Linda Marsh')?.id,
      person(f, 'Linda Marsh')?.id,
    ])
    const trial = await findingsOf('port-bribery-trial')
    expect(quote(trial, 'The court has ignored')?.speaker).toBe(
      person(trial, 'Maria Lindqvist')?.id,
    )
    expect(quote(trial, 'I made mistakes')?.speaker).toBe(person(trial, 'Tomas Brandt')?.id)
  })

  it('reads "said X" inversions and "X said:" openings', async () => {
    const f = await findingsOf('trade-forum')
    expect(quote(f, 'There is no point')?.speaker).toBe(person(f, 'Clara Voss')?.id)
    expect(quote(f, 'Every week of delay')?.speaker).toBe(person(f, 'Ingrid Holm')?.id)
    expect(quote(f, 'Nobody leaves this forum')).toMatchObject({
      kind: 'direct',
      speaker: person(f, 'Yusuf Karimi')?.id,
    })
    expect(person(f, 'Yusuf Karimi')?.alternateNames).toEqual(['Yousef Karimi'])
  })

  it('takes "according to" and "… reported" as the way the words came', async () => {
    const f = await findingsOf('trade-forum')
    expect(quote(f, 'constructive but incomplete')?.via).toBe('according to a spokesperson')
    const meridian = f.organizations.find((o) => o.name === 'Meridian')
    expect(quote(f, 'moving the goalposts')).toMatchObject({
      channel: meridian?.id,
      kind: 'partial',
    })
  })

  it('lists each story’s names in quotation marks for review', async () => {
    for (const gold of golds.slice(1)) {
      const f = await findingsOf(gold.name)
      for (const item of gold.gold.review ?? [])
        expect(
          f.review.some((r) => r.code === item.code && r.message.includes(item.text)),
          `${gold.name}: ${item.code} ${item.text}`,
        ).toBe(true)
    }
  })
})
