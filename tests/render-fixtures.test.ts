/**
 * Numbered render fixtures (tests/fixtures/render/NNN-name.json): documents nobody validated,
 * handed to the renderer, and the diagnostics its RenderError must carry
 * (NNN-name.expected.json). Each `render/*` rule of RULES has one; see validate-fixtures.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ContentDocument, Diagnostic } from 'us-russia-g20-story'
import {
  type ArticleFormat,
  RenderError,
  renderArticle,
  renderSite,
} from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'

const DIR = fileURLToPath(new URL('./fixtures/render/', import.meta.url))

/** A render fixture: the documents, and the article and format to render (the site when absent). */
interface RenderFixture {
  documents: ContentDocument[]
  render?: { article: string; format: ArticleFormat }
}

/** Every numbered render fixture, with its expectation. */
const renderFixtures = readdirSync(DIR)
  .filter((name) => /^\d{3}-.*\.json$/.test(name) && !name.endsWith('.expected.json'))
  .sort()
  .map((name) => ({
    name,
    fixture: JSON.parse(readFileSync(join(DIR, name), 'utf8')) as RenderFixture,
    expected: JSON.parse(
      readFileSync(join(DIR, name.replace(/\.json$/, '.expected.json')), 'utf8'),
    ) as { problems: Diagnostic[] },
  }))

function renderError({ documents, render }: RenderFixture): RenderError {
  try {
    if (render) renderArticle(documents, render.article, render.format)
    else renderSite(documents)
  } catch (error) {
    if (error instanceof RenderError) return error
    throw error
  }
  throw new Error('expected a RenderError, but the render succeeded')
}

describe('numbered render fixtures', () => {
  it.each(renderFixtures)('$name', ({ fixture, expected }) => {
    const error = renderError(fixture)
    expect(error.diagnostics).toEqual(expected.problems)
    // The error's own fields and message agree with its diagnostic.
    const [diagnostic] = error.diagnostics as [Diagnostic]
    expect([error.rule, error.documentId, error.pointer]).toEqual([
      diagnostic.rule,
      diagnostic.documentId,
      diagnostic.pointer,
    ])
    expect(error.message.endsWith(diagnostic.message)).toBe(true)
    if (diagnostic.documentId !== null)
      expect(error.message).toContain(`"${diagnostic.documentId}"`)
  })

  it('has a fixture per render rule, numbered apart from the others', () => {
    expect(renderFixtures.length).toBeGreaterThanOrEqual(10)
    const numbers = renderFixtures.map((f) => f.name.slice(0, 3))
    expect(new Set(numbers).size).toBe(numbers.length)
  })
})

describe('render messages are written as validation messages are', () => {
  // What is wrong, a colon, then what to do: an imperative ("use", "give", "add"…), never only
  // "run npm run validate".
  const SAYS_WHAT_TO_DO = /[:.] (use|give|write|add|return|point)\b/i

  it.each(renderFixtures)('$name says what to fix', ({ expected }) => {
    for (const { message } of expected.problems) {
      expect(message).toMatch(SAYS_WHAT_TO_DO)
      expect(message).toMatch(/[.]$/)
      expect(message).not.toMatch(/^Run `npm run validate`/)
    }
  })
})
