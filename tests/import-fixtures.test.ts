/**
 * The numbered fixtures of the `import/*` rules (tests/fixtures/import/): each story the reader
 * refuses, and the diagnostics it gets.
 */
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readStory } from '../src/importer/read-story.js'
import { StoryError } from '../src/importer/story-error.js'
import { GENERATED, IMPORT_FIXTURES, importFixtures } from './import-helpers.js'

describe('numbered import fixtures', () => {
  it.each(importFixtures())('$name', ({ name, input, problems }) => {
    let error: unknown
    try {
      readStory(input(), `${name}.txt`)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(StoryError)
    expect((error as StoryError).diagnostics).toEqual(problems)
  })

  it('generates only the fixtures whose expected.json says so', () => {
    const generated = importFixtures().filter(
      (f) => !readdirSync(IMPORT_FIXTURES).includes(`${f.name}.txt`),
    )
    expect(generated.map((f) => f.name)).toEqual(Object.keys(GENERATED))
  })
})
