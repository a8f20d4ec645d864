import { existsSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MUTATION_SCOPES, strykerOptions, symbolicLinks } from '../scripts/mutation-config.js'
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

const SOURCES = filesUnder('src')

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

  it('reads globs as the mutate list means them', () => {
    expect(globToRegExp('src/check/**/*.ts').test('src/check/document.ts')).toBe(true)
    expect(globToRegExp('src/check/**/*.ts').test('src/check/a/b.ts')).toBe(true)
    expect(globToRegExp('src/input/*.ts').test('src/input/a/b.ts')).toBe(false)
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
