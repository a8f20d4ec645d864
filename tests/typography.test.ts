import { describe, expect, it } from 'vitest'
import { typographicQuotes } from '../src/render/typography.js'

describe('typographic quotation marks', () => {
  it.each([
    ['"on the move"', '“on the move”'],
    ["the United States' top diplomats", 'the United States’ top diplomats'],
    ["Moscow's invasion", 'Moscow’s invasion'],
    ["he said 'no'.", 'he said ‘no’.'],
    ['("farce")', '(“farce”)'],
    ['—"yes"', '—“yes”'],
    ['“already curly”', '“already curly”'],
  ])('%s becomes %s', (input, expected) => {
    expect(typographicQuotes(input)).toBe(expected)
  })

  it('decides from the text before it: a span that starts with a closing mark', () => {
    expect(typographicQuotes('" for less', 'on the move')).toBe('” for less')
    expect(typographicQuotes('"on', 'spoke ')).toBe('“on')
  })
})
