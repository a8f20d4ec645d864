/**
 * The numbered fixtures of the `import/*` rules (tests/fixtures/import/): each story the import
 * refuses, into the fixture's target folder, and the diagnostics it gets (in this process; the
 * command's exit code is tested in import-cli.test.ts).
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importStory } from '../src/importer/import-story.js'
import { fixtureTarget, GENERATED, IMPORT_FIXTURES, importFixtures } from './import-helpers.js'

describe('numbered import fixtures', () => {
  it.each(importFixtures())('$name', async ({ name, input, problems }) => {
    const dir = mkdtempSync(join(tmpdir(), 'import-fixture-'))
    writeFileSync(join(dir, `${name}.txt`), input())
    fixtureTarget(name, join(dir, 'out'))
    const report = await importStory({
      file: join(dir, `${name}.txt`),
      contentDir: join(dir, 'out'),
      cwd: dir,
    })
    expect(report.status).toBe('invalid')
    expect(report.problems).toEqual(problems)
  })

  it('generates only the fixtures whose expected.json says so', () => {
    const committed = readdirSync(IMPORT_FIXTURES)
    const generated = importFixtures().filter((f) => !committed.includes(`${f.name}.txt`))
    expect(generated.map((f) => f.name)).toEqual(Object.keys(GENERATED))
  })
})
