import { existsSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  MUTATION_SCOPES,
  reportDir,
  SCOPE_GROUPS,
  scopeTestFiles,
  strykerOptions,
  symbolicLinks,
} from '../scripts/mutation-config.js'
import { ROOT } from './validate-cli.js'

/** Every file under `dir`, from the package root, with `/`. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'))
}

/** A glob of the mutate list (`*`, `**`) as a regular expression. */
function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split(/(\*\*\/|\*)/)
    .map((part) =>
      part === '**/'
        ? '(?:.*/)?'
        : part === '*'
          ? '[^/]*'
          : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('')
  return new RegExp(`^${pattern}$`)
}

const SOURCES = [...filesUnder('src'), ...filesUnder('tools')]

describe('mutation-testing scopes', () => {
  it.each(Object.entries(MUTATION_SCOPES))(
    '%s: every pattern names files, every test file exists',
    (_, scope) => {
      for (const glob of scope.mutate) {
        const regex = globToRegExp(glob)
        expect(
          SOURCES.filter((file) => regex.test(file)),
          glob,
        ).not.toEqual([])
      }
      for (const file of scope.testFiles) expect(existsSync(join(ROOT, file)), file).toBe(true)
    },
  )

  it('mutates each source file in one scope at most, so no run repeats another', () => {
    const owners = new Map<string, string[]>()
    for (const [name, scope] of Object.entries(MUTATION_SCOPES)) {
      for (const glob of scope.mutate) {
        const regex = globToRegExp(glob)
        for (const file of SOURCES.filter((f) => regex.test(f)))
          owners.set(file, [...(owners.get(file) ?? []), name])
      }
    }
    const shared = [...owners].filter(([, names]) => names.length > 1)
    expect(shared).toEqual([])
    // The validator's files, as they were one scope before it was split to fit the hour.
    const validator = [
      'src/validator/checks/',
      'src/validator/input/',
      'src/validator/validate.ts',
      'src/messages.ts',
    ]
    for (const file of SOURCES.filter((f) => validator.some((v) => f.startsWith(v)))) {
      expect(owners.get(file), file).toHaveLength(1)
    }
  })

  it('runs a group as its scopes, every one of which exists', () => {
    expect(SCOPE_GROUPS.validator).toEqual(['documents', 'cross', 'input'])
    for (const names of Object.values(SCOPE_GROUPS))
      for (const name of names) expect(Object.keys(MUTATION_SCOPES)).toContain(name)
  })

  it('mutates only the files --mutate names, and reports them apart from the whole scope', () => {
    const settings = { concurrency: 1, incremental: true, links: [] }
    const whole = strykerOptions('input', settings)
    expect(whole.mutate).toEqual([...MUTATION_SCOPES.input.mutate])
    expect(whole.incrementalFile).toBe('reports/mutation/input/incremental.json')
    const narrowed = strykerOptions('input', {
      ...settings,
      only: ['src/validator/validate.ts:40-60'],
    })
    expect(narrowed.mutate).toEqual(['src/validator/validate.ts:40-60'])
    expect(narrowed.incrementalFile).toBe('reports/mutation/input/only/incremental.json')
    expect(narrowed.jsonReporter).toEqual({ fileName: 'reports/mutation/input/only/mutation.json' })
    expect(reportDir('input', true)).toBe('reports/mutation/input/only')
    expect(strykerOptions('input', { ...settings, only: [] }).mutate).toEqual(whole.mutate)
  })

  it('gives vitest the test files of the scope named, and refuses any other name', () => {
    expect(scopeTestFiles('escaping')).toEqual([...MUTATION_SCOPES.escaping.testFiles])
    expect(() => scopeTestFiles('toString')).toThrow(
      'MUTATION_SCOPE must name a mutation-testing scope, not "toString".',
    )
    expect(() => scopeTestFiles(undefined)).toThrow('not undefined')
    // Stryker's own testFiles would make static mutants survive (stryker-js#6144).
    expect(
      strykerOptions('escaping', { concurrency: 1, incremental: false, links: [] }).testFiles,
    ).toBeUndefined()
  })

  it('reads globs as the mutate list means them', () => {
    expect(
      globToRegExp('src/validator/checks/**/*.ts').test('src/validator/checks/document.ts'),
    ).toBe(true)
    expect(globToRegExp('src/validator/checks/**/*.ts').test('src/validator/checks/a/b.ts')).toBe(
      true,
    )
    expect(globToRegExp('src/validator/input/*.ts').test('src/validator/input/a/b.ts')).toBe(false)
  })

  it('finds the broken link of fixture 042, leaves it out of the copy and makes it again', () => {
    const links = symbolicLinks(ROOT)
    expect(links).toContainEqual({
      path: 'tests/fixtures/invalid/042-unreadable-file/broken-link.json',
      target: 'does-not-exist.json',
    })
    const options = strykerOptions('escaping', { concurrency: 1, incremental: false, links })
    expect(options.ignorePatterns).toContain(
      '/tests/fixtures/invalid/042-unreadable-file/broken-link.json',
    )
    expect(options.buildCommand).toBe('node dist/lib/scripts/mutation-links.js')
    expect(
      strykerOptions('escaping', { concurrency: 1, incremental: false, links: [] }).buildCommand,
    ).toBeUndefined()
  })
})
