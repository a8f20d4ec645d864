/**
 * The mutation-testing scopes and the StrykerJS options every scope shares. `npm run
 * test:mutation` (scripts/mutation.ts) runs them; a test checks that every pattern here still
 * names files, so a renamed file cannot silently drop out of a scope.
 */
import { readdirSync, readlinkSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Stryker } from '@stryker-mutator/core'

/** The options `new Stryker(…)` takes. */
export type StrykerOptions = NonNullable<ConstructorParameters<typeof Stryker>[0]>

/** One part of the code, mutated on its own and tested by the test files that concern it. */
export interface MutationScope {
  /** What the scope covers, for `--help` and the README. */
  summary: string
  /** The mutation score, in percent, the scope's tests must reach (issue 10). */
  goal: number
  /** The files whose mutants are made (globs, from the package root). */
  mutate: readonly string[]
  /**
   * The test files run against the mutants (through vitest.mutation.config.ts). Only these: a
   * scope's run stays well under an hour on two cores. Tests that only run the compiled CLI in a child process cannot kill a mutant
   * (dist/ is compiled from the unmutated source), so a scope's checks must also run in-process.
   */
  testFiles: readonly string[]
}

/** The test files of the validator's scopes. */
const VALIDATOR_TESTS = [
  'tests/validate-fixtures.test.ts',
  'tests/validate-content.test.ts',
  'tests/validate-stdin.test.ts',
  'tests/bad-input.test.ts',
  'tests/misquote.test.ts',
  'tests/salvage.test.ts',
  'tests/validate-references.test.ts',
  'tests/validate-deferred.test.ts',
  'tests/validate-schema-messages.test.ts',
  'tests/validate-json-text.test.ts',
  'tests/validate-portable-text.test.ts',
  // stringRule lives with the vocabulary it reads, though only the renderer calls it.
  'tests/schema-string-rule.test.ts',
] as const

/** The scopes, by the name `npm run test:mutation -- <name>` takes. */
export const MUTATION_SCOPES = {
  // src/rules.ts is left out: its summaries are prose for people, and every fixture checks the
  // severities (mutating the catalogue would only add survivors no test should pin down).
  // The validator is three scopes, so that each run stays well under an hour on two cores.
  documents: {
    summary:
      "the validator's checks of one document: schema, vocabulary, Portable Text, walks, update dates",
    goal: 85,
    mutate: [
      'src/validator/checks/document.ts',
      'src/validator/checks/finding.ts',
      'src/validator/checks/portable-text.ts',
      'src/validator/checks/schema.ts',
      'src/validator/checks/schema-messages.ts',
      'src/validator/checks/updates.ts',
      'src/validator/checks/vocabulary.ts',
      'src/validator/checks/walk.ts',
      'src/date-order.ts',
    ],
    testFiles: VALIDATOR_TESTS,
  },
  cross: {
    summary:
      "the validator's checks across documents: references, quotes, ids and slugs, parsing, salvage, deferred positions",
    goal: 85,
    mutate: [
      'src/validator/checks/cross-document.ts',
      'src/validator/checks/references.ts',
      'src/validator/checks/quotes.ts',
      'src/validator/checks/word-diff.ts',
      'src/validator/checks/slugs.ts',
      'src/validator/checks/document-table.ts',
      'src/validator/checks/deferred.ts',
      'src/validator/checks/parse.ts',
      'src/validator/checks/salvage.ts',
    ],
    testFiles: VALIDATOR_TESTS,
  },
  input: {
    summary:
      "the validator's input and run: paths, batches, stdin, threads, positions in JSON text, messages",
    goal: 85,
    mutate: [
      'src/validator/validate.ts',
      'src/messages.ts',
      'src/validator/input/*.ts',
      'src/validator/threads/check-batch.ts',
      'src/json/decode.ts',
      'src/json/keys.ts',
      'src/json/locate.ts',
      'src/json/pointer.ts',
      'src/validator/compiled.ts',
    ],
    testFiles: VALIDATOR_TESTS,
  },
  publish: {
    summary: 'the publish plan, pull and the canonical form of documents',
    goal: 85,
    mutate: [
      'src/sanity/plan.ts',
      'src/sanity/plan-table.ts',
      'src/sanity/pull.ts',
      'src/sanity/pull-plan.ts',
      'src/sanity/pull-blame.ts',
      'src/sanity/canonical.ts',
      'src/sanity/key-order.ts',
      'src/sanity/to-sanity.ts',
      'src/sanity/lock.ts',
      'src/sanity/content-file.ts',
      'src/sanity/dataset.ts',
      'src/sanity/transactions.ts',
      'src/json/copy.ts',
      'src/json/stringify.ts',
    ],
    testFiles: [
      'tests/publish-plan.test.ts',
      'tests/publish-canonical.test.ts',
      'tests/publish-transactions.test.ts',
      'tests/publish-lock.test.ts',
      'tests/key-order.test.ts',
      'tests/deep-documents.test.ts',
      'tests/dataset-ndjson.test.ts',
      'tests/json-copy-stringify.test.ts',
      'tests/pull-plan.test.ts',
      'tests/pull-report.test.ts',
      'tests/pull-content.test.ts',
      'tests/pull-whole-set.test.ts',
      'tests/publish-basic.test.ts',
      'tests/publish-drafts.test.ts',
      'tests/publish-safety.test.ts',
      'tests/publish-pull-invariants.test.ts',
    ],
  },
  escaping: {
    summary:
      'escaping for HTML, JSON-LD, Markdown, terminals and GitHub annotations; the link policy; request paths',
    goal: 90,
    mutate: [
      'src/render/escape.ts',
      'src/render/url.ts',
      'src/render/html.ts',
      'src/sanity/printable.ts',
      'src/report/github.ts',
      'tools/preview/request-path.ts',
    ],
    testFiles: [
      'tests/escape.test.ts',
      'tests/url-safety.test.ts',
      'tests/render-xss.test.ts',
      'tests/render-html.test.ts',
      'tests/render-markdown.test.ts',
      'tests/render-text.test.ts',
      'tests/render-validate.test.ts',
      'tests/validate-formats.test.ts',
      'tests/serve.test.ts',
      'tests/publish-plan.test.ts',
      'tests/publish-config.test.ts',
    ],
  },
} as const satisfies Record<string, MutationScope>

/** The name of a scope. */
export type ScopeName = keyof typeof MUTATION_SCOPES

/** Names that stand for several scopes, run one after another. */
export const SCOPE_GROUPS: Readonly<Record<string, readonly ScopeName[]>> = {
  validator: ['documents', 'cross', 'input'],
}

/** The environment variable that names the scope being run, for vitest.mutation.config.ts. */
export const SCOPE_ENV = 'MUTATION_SCOPE'

/** The test files of the scope named `name` (vitest.mutation.config.ts runs only those). */
export function scopeTestFiles(name: string | undefined): string[] {
  if (name === undefined || !Object.hasOwn(MUTATION_SCOPES, name))
    throw new Error(`${SCOPE_ENV} must name a mutation-testing scope, not ${JSON.stringify(name)}.`)
  return [...MUTATION_SCOPES[name as ScopeName].testFiles]
}

/**
 * Where a scope's reports go, from the package root (gitignored). A run narrowed with `only`
 * reports beside the scope's, so it never replaces the whole scope's report or incremental file.
 */
export function reportDir(scope: ScopeName, narrowed = false): string {
  return narrowed ? `reports/mutation/${scope}/only` : `reports/mutation/${scope}`
}

/** A symbolic link in the package, as the sandbox must hold it again. */
export interface SymbolicLink {
  /** From the package root, with `/`. */
  path: string
  /** What the link holds, as written (it may lead nowhere). */
  target: string
}

/** Folders no test reads from the sandbox, and that Stryker never copies. */
const NOT_COPIED = new Set(['node_modules', '.git', '.stryker-tmp', 'reports'])

/**
 * Every symbolic link under `root`. Stryker copies a link as the file it leads to, so one that
 * leads nowhere (the `input/unreadable` fixture) stops the sandbox copy: the links are left out
 * of the copy and made again in the sandbox (scripts/mutation-links.ts), as links.
 */
export function symbolicLinks(root: string): SymbolicLink[] {
  const links: SymbolicLink[] = []
  const pending = [root]
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isSymbolicLink()) {
        links.push({ path: relative(root, path).split(sep).join('/'), target: readlinkSync(path) })
      } else if (entry.isDirectory() && !(dir === root && NOT_COPIED.has(entry.name))) {
        pending.push(path)
      }
    }
  }
  return links.sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** The environment variable that hands the links to the sandbox's build step. */
export const LINKS_ENV = 'MUTATION_SANDBOX_LINKS'

/** How a run is asked to go. */
export interface RunSettings {
  /** Test-runner processes at once. */
  concurrency: number
  /** Reuse the results of the last run for mutants and tests that did not change. */
  incremental: boolean
  /** The package's symbolic links (see {@link symbolicLinks}). */
  links: readonly SymbolicLink[]
  /**
   * Mutate only these files of the scope (globs, or `file:line-line` ranges, as Stryker reads
   * them), to work through one file's survivors without waiting for the whole scope.
   */
  only?: readonly string[]
}

/** The StrykerJS options of one scope. */
export function strykerOptions(scope: ScopeName, settings: RunSettings): StrykerOptions {
  const narrowed = settings.only !== undefined && settings.only.length > 0
  const reports = reportDir(scope, narrowed)
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    // The scope's test files, named by SCOPE_ENV; "related" would follow the package alias into
    // every test file.
    vitest: { configFile: 'vitest.mutation.config.ts', related: false },
    mutate: narrowed ? [...(settings.only ?? [])] : [...MUTATION_SCOPES[scope].mutate],
    // Each mutant runs only the tests that reach it.
    coverageAnalysis: 'perTest',
    // No type checker: TypeScript 7 has no JavaScript API for it to call.
    checkers: [],
    // Nor any tsconfig rewriting, which calls that API too. Ours has no `extends` or `references`
    // that leave the package, so the sandbox needs none: '' names the package folder, never a file.
    tsconfigFile: '',
    // A sandbox rather than in place: the work tree is never left mutated (by a killed run), and
    // files edited during a run are not overwritten when it restores them.
    inPlace: false,
    ignorePatterns: ['/reports', ...settings.links.map((link) => `/${link.path}`)],
    buildCommand: settings.links.length > 0 ? 'node dist/lib/scripts/mutation-links.js' : undefined,
    concurrency: settings.concurrency,
    incremental: settings.incremental,
    incrementalFile: `${reports}/incremental.json`,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    clearTextReporter: { reportMutants: false, reportTests: false, logTests: false },
    htmlReporter: { fileName: `${reports}/index.html` },
    jsonReporter: { fileName: `${reports}/mutation.json` },
    thresholds: { high: MUTATION_SCOPES[scope].goal, low: 85, break: null },
    cleanTempDir: true,
  }
}
