/**
 * site.config.json, at the package root: the site's absolute URL, its name and its default
 * language. The file is optional: without it the site is built with relative links, as a folder
 * that works from anywhere, and the exports that need absolute URLs say so. A file that is there
 * must be valid: it is checked against schemas/site-config.schema.json, and a bad one stops the
 * build with exit 2 (a problem of the setup, like a missing variable, not of the content).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { Diagnostic } from './diagnostics.js'
import { displayPath } from './display-path.js'
import type { SiteConfig } from './generated/types.js'
import { locatePointers, syntaxProblem } from './json/locate.js'
import { childPointer, valueAt } from './json/pointer.js'
import { code, preview } from './messages.js'
import { SCHEMA_DIR } from './schemas.js'

export type { SiteConfig }

/** The file's name, at the package root. */
export const SITE_CONFIG_FILE = 'site.config.json'

/**
 * The language of pages when there is no site.config.json: the language the renderer writes its
 * own words in (navigation, headings such as "Who said what"). An article's own `language` always
 * wins on its page.
 */
export const RENDERER_LANGUAGE = 'en'

/** A site.config.json that cannot be used: each problem names the file, place, rule and fix. */
export class SiteConfigError extends Error {
  override readonly name = 'SiteConfigError'
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    // One line: scripts print the first line of an error.
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join(' '))
  }
}

/**
 * Reads `<root>/site.config.json`; `undefined` when there is none.
 * @throws {SiteConfigError} when the file is not valid JSON or breaks its schema.
 */
export function readSiteConfig(root: string): SiteConfig | undefined {
  const path = join(root, SITE_CONFIG_FILE)
  if (!existsSync(path)) return undefined
  return parseSiteConfig(readFileSync(path, 'utf8'), displayPath(path))
}

/**
 * Reads the site settings from `path`, a file named on the command line (`render --site-config`).
 * @throws {SiteConfigError} as {@link readSiteConfig} does.
 */
export function readSiteConfigFile(path: string): SiteConfig {
  return parseSiteConfig(readFileSync(path, 'utf8'), displayPath(path))
}

/**
 * The settings in `text`, the content of the file shown as `file`: `url` (always ending in `/`,
 * as links are made on it), `name` and `language`; `$schema` is left out.
 * @throws {SiteConfigError} as {@link readSiteConfig} does.
 */
export function parseSiteConfig(text: string, file: string = SITE_CONFIG_FILE): SiteConfig {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const { position, reason } = syntaxProblem(text, error)
    throw new SiteConfigError([
      {
        severity: 'error',
        rule: 'site-config/syntax',
        message: `${reason}: ${SITE_CONFIG_FILE} must be one JSON object. Fix the JSON here, or remove the file to build with relative links.`,
        file,
        ...position,
        pointer: '',
        documentId: null,
      },
    ])
  }
  const validate = validator()
  if (!validate(value)) {
    // One problem a place: a URL that breaks both `pattern` and `format` needs one fix.
    const problems = new Map<string, Described>()
    for (const error of validate.errors ?? []) {
      const problem = describe(error, value)
      const key = `${problem.pointer} ${problem.expected ?? ''}`
      if (!problems.has(key)) problems.set(key, problem)
    }
    throw configError(text, file, [...problems.values()])
  }
  const { url, name, language } = value as SiteConfig
  return { url: url.endsWith('/') ? url : `${url}/`, name, language }
}

/** The problems, each at its line and column in the file. */
function configError(text: string, file: string, problems: readonly Described[]): SiteConfigError {
  const places = locatePointers(
    text,
    problems.map(({ pointer }) => ({ pointer, anchor: 'value' as const })),
  )
  return new SiteConfigError(
    problems.map((problem, i) => ({
      severity: 'error',
      file,
      line: places?.[i]?.line ?? 1,
      column: places?.[i]?.column ?? 1,
      documentId: null,
      ...problem,
    })),
  )
}

type Validate = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null }
let compiled: Validate | undefined

/** The schema's validator, compiled on first use (only commands that render read the file). */
function validator(): Validate {
  if (compiled) return compiled
  const read = (name: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as object
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  ;(addFormatsModule as unknown as (ajv: Ajv2020) => void)(ajv)
  ajv.addSchema(read('common.schema.json'))
  compiled = ajv.compile(read('site-config.schema.json')) as Validate
  return compiled
}

/** What each field must be, in words that say how to fix it. */
const FIELD_WORDS: Record<string, string> = {
  url: 'the absolute http(s) URL the site is published at, such as `https://news.example.org/` (no query, no fragment)',
  name: 'the name of the site, some text',
  language:
    'the default language as a BCP 47 tag, such as `en`, `en-GB` or `sr-Latn-RS` (a 2- or 3-letter language code, hyphens not underscores)',
}

type Described = Pick<Diagnostic, 'rule' | 'message' | 'pointer'> &
  Partial<Pick<Diagnostic, 'expected' | 'actual'>>

function describe(error: ErrorObject, config: unknown): Described {
  const fields = Object.keys(FIELD_WORDS).map(code).join(', ')
  if (error.keyword === 'required') {
    const field = String(error.params.missingProperty)
    return {
      rule: 'site-config/required',
      pointer: '',
      message: `${SITE_CONFIG_FILE} has no ${code(field)}: add it, ${FIELD_WORDS[field] ?? 'see schemas/site-config.schema.json'}.`,
      expected: field,
    }
  }
  if (error.keyword === 'additionalProperties') {
    const field = String(error.params.additionalProperty)
    return {
      rule: 'site-config/additional-properties',
      pointer: childPointer(error.instancePath, field),
      message: `${SITE_CONFIG_FILE} has an unknown field ${code(field)}: remove it. The file holds ${fields} (and \`$schema\`).`,
    }
  }
  if (error.instancePath === '') {
    return {
      rule: 'site-config/not-object',
      pointer: '',
      message: `${SITE_CONFIG_FILE} must be a JSON object with ${fields}.`,
    }
  }
  const field = error.instancePath.slice(1)
  const actual = preview(valueAt(config, error.instancePath))
  return {
    // One rule for every way a value can be wrong: the message says what the field must be.
    rule: 'site-config/invalid-value',
    pointer: error.instancePath,
    message: `${code(field)} in ${SITE_CONFIG_FILE} must be ${FIELD_WORDS[field] ?? 'as schemas/site-config.schema.json says'}; it is ${actual}.`,
    actual,
  }
}
