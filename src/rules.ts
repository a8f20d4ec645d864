/** How bad a problem is: errors fail validation (exit 1); warnings are reported and pass. */
export type Severity = 'error' | 'warning'

/** What a rule checks, and how bad breaking it is. */
export interface Rule {
  severity: Severity
  /** One line for people reading the catalogue (README, `--help`). */
  summary: string
}

/**
 * Every rule a stage can report: `validate` (most of them), the renderer (`render/*`), publish
 * (`publish/*`) and pull (`pull/*`), both of those (`sanity/*`), and the site's settings
 * (`site-config/*`), and the importer's reading of wire copy (`import/*`). Tests assert each one
 * has a numbered fixture (tests/fixtures/invalid/ for validation, tests/fixtures/render/,
 * tests/fixtures/sanity/, tests/fixtures/site-config/ and tests/fixtures/import/ for the other
 * stages), so a rule added here without one fails the build.
 *
 * `input/*` rules are about the environment (paths, file kinds), not the content: the command
 * exits 2 when one is reported. So are `sanity/*` rules, `publish/photo-asset` and the
 * `site-config/*` rules (the site's settings are set-up, not content).
 */
export const RULES = {
  'input/unreadable': {
    severity: 'error',
    summary: 'A path cannot be read: it does not exist, or permission is denied.',
  },
  'input/unsupported-file': {
    severity: 'error',
    summary: 'A file named on the command line is neither .json nor .ndjson.',
  },
  'input/no-documents': {
    severity: 'error',
    summary: 'A directory holds no .json or .ndjson file.',
  },
  'json/encoding': { severity: 'error', summary: 'The bytes are not valid UTF-8.' },
  'json/empty': { severity: 'error', summary: 'A file holds no document (empty or whitespace).' },
  'json/syntax': { severity: 'error', summary: 'The text is not valid JSON.' },
  'json/duplicate-key': {
    severity: 'error',
    summary: 'An object names the same key twice; JSON.parse silently keeps the last.',
  },
  'json/proto-key': {
    severity: 'error',
    summary: 'A `__proto__` key, which some JavaScript code turns into prototype pollution.',
  },
  'json/max-depth': {
    severity: 'error',
    summary: 'Objects and arrays nested deeper than any document of the model can be.',
  },
  'json/replacement-character': {
    severity: 'error',
    summary:
      'U+FFFD, the replacement character, in a string: a character was lost to a wrong decoding. `sanity dataset import` rejects a line that holds it.',
  },
  'ndjson/bom': {
    severity: 'error',
    summary: 'A byte order mark starts an NDJSON line; `sanity dataset import` cannot parse it.',
  },
  'ndjson/whitespace-line': {
    severity: 'error',
    summary: 'An NDJSON line holds only spaces; `sanity dataset import` skips only empty lines.',
  },
  'document/not-object': { severity: 'error', summary: 'A document is not a JSON object.' },
  'document/missing-id': { severity: 'error', summary: 'A document has no string `_id`.' },
  'document/missing-type': { severity: 'error', summary: 'A document has no string `_type`.' },
  'document/unknown-type': {
    severity: 'error',
    summary: 'A document `_type` that no schema in schemas/ defines.',
  },
  'document/duplicate-id': {
    severity: 'error',
    summary: 'Two documents share an `_id`; the import would keep only one.',
  },
  'document/duplicate-slug': {
    severity: 'error',
    summary: 'Two documents of one type share a slug, so both would be written to the same page.',
  },
  'document/dotted-id': {
    severity: 'warning',
    summary: 'An `_id` with a dot, which Sanity treats as private (not publicly readable).',
  },
  'schema/required': { severity: 'error', summary: 'A required field is missing.' },
  'schema/additional-properties': {
    severity: 'error',
    summary: 'A field the schema does not define.',
  },
  'schema/type': { severity: 'error', summary: 'A value of the wrong JSON type.' },
  'schema/const': { severity: 'error', summary: 'A value that must be one fixed value.' },
  'schema/enum': { severity: 'error', summary: 'A value outside a closed list.' },
  'schema/pattern': { severity: 'error', summary: 'A string that does not have the right form.' },
  'schema/format': {
    severity: 'error',
    summary: 'A string that is not a valid date, date-time or URL.',
  },
  'schema/min-length': { severity: 'error', summary: 'A string that is too short (empty).' },
  'schema/max-length': { severity: 'error', summary: 'A string that is too long.' },
  'schema/min-items': { severity: 'error', summary: 'An array with too few items.' },
  'schema/minimum': { severity: 'error', summary: 'A number below its minimum.' },
  'schema/maximum': { severity: 'error', summary: 'A number above its maximum.' },
  'schema/unique-items': { severity: 'error', summary: 'An array that repeats an item.' },
  'schema/dependent-required': {
    severity: 'error',
    summary: 'A field that only makes sense with another one (a list `level` without `listItem`).',
  },
  'schema/discriminator': {
    severity: 'error',
    summary: 'A block or annotation whose `_type` is not one of the allowed types.',
  },
  'schema/any-of': { severity: 'error', summary: 'A value that fits none of its allowed forms.' },
  'schema/conditional': {
    severity: 'error',
    summary:
      'A conditional of the schema: a quote needs `speaker` or `attribution`; an image has `asset` or `_sanityAsset`, not both.',
  },
  'reference/dangling': {
    severity: 'error',
    summary: 'A `_ref` to a document that is not among the documents validated.',
  },
  'reference/weak-dangling': {
    severity: 'warning',
    summary: 'A weak `_ref` (`_weak: true`) to a document that is not there.',
  },
  'reference/wrong-type': {
    severity: 'error',
    summary: 'A `_ref` to a document of a type the field does not allow.',
  },
  'array/duplicate-key': {
    severity: 'error',
    summary: 'Two items of one array (blocks, children, markDefs) share a `_key`.',
  },
  'portable-text/unknown-mark': {
    severity: 'error',
    summary: 'A span mark that is neither a decorator nor the `_key` of a markDef of its block.',
  },
  'portable-text/unused-mark-def': {
    severity: 'warning',
    summary: 'A markDef that no span of its block uses.',
  },
  'portable-text/list-level': {
    severity: 'error',
    summary: 'A list that starts above level 1, or a level that rises by more than 1.',
  },
  'article/update-before-publication': {
    severity: 'error',
    summary: 'An article correction or update dated before the article was published.',
  },
  'quote/not-verbatim': {
    severity: 'error',
    summary:
      'A direct or partial quote whose text is not in the words its annotation covers (or its pieces, in consecutive blocks, cover in order).',
  },
  'quote/unreferenced': {
    severity: 'warning',
    summary: 'A Quote that no document references.',
  },
  'render/unknown-type': {
    severity: 'error',
    summary:
      'A document, block, style, list, mark or annotation type the renderer has no component for.',
  },
  'render/dangling-reference': {
    severity: 'error',
    summary: 'A reference the renderer must follow names no document of the right type.',
  },
  'render/invalid-slug': {
    severity: 'error',
    summary: 'An article or person slug that cannot name a page folder.',
  },
  'render/invalid-id': { severity: 'error', summary: 'An `_id` that is not a document id.' },
  'render/missing-field': {
    severity: 'error',
    summary: 'A text a page shows (a headline, a name) is missing, empty or only whitespace.',
  },
  'render/duplicate-id': {
    severity: 'error',
    summary: 'Two documents handed to the renderer share an `_id`.',
  },
  'render/duplicate-slug': {
    severity: 'error',
    summary: 'Two documents of one type share a slug, so both would be written to one page.',
  },
  'render/invalid-date': {
    severity: 'error',
    summary: 'An article `datePublished` that is not a calendar date.',
  },
  'render/invalid-option': {
    severity: 'error',
    summary: 'A render option (format, imageUrl, uriBase) the renderer cannot use.',
  },
  'render/unknown-article': {
    severity: 'error',
    summary: 'An article id to render that no document has.',
  },
  'publish/conflict': {
    severity: 'error',
    summary:
      'A document an editor changed or deleted in the CMS since this repo published or pulled it: not written (publish with --force to overwrite).',
  },
  'publish/transaction-failed': {
    severity: 'error',
    summary: 'A transaction that failed for good: its documents were not written.',
  },
  'publish/not-sent': {
    severity: 'error',
    summary: 'A document not sent, as it references documents whose transaction failed.',
  },
  'publish/photo-asset': {
    severity: 'error',
    summary: "A photo's image binary that cannot be read, measured or uploaded.",
  },
  'pull/draft-id': {
    severity: 'error',
    summary: 'A draft in the dataset whose published id is itself a draft or version id.',
  },
  'sanity/read-failed': {
    severity: 'error',
    summary: 'The dataset could not be read (after retries): nothing was written.',
  },
  'sanity/lock-damaged': {
    severity: 'error',
    summary: '`sanity.lock.json` cannot be read as the lock publish and pull keep.',
  },
  'import/empty': {
    severity: 'error',
    summary: 'A story to import holds no text (empty, or blank lines only).',
  },
  'import/binary': {
    severity: 'error',
    summary: 'A story to import holds binary data: a NUL byte or a control character.',
  },
  'import/encoding': {
    severity: 'error',
    summary: 'A story to import is not valid UTF-8.',
  },
  'import/line-too-long': {
    severity: 'error',
    summary: 'A line of a story to import is longer than any paragraph of wire copy.',
  },
  'import/date-line': {
    severity: 'error',
    summary: 'A story to import does not open with its date line ("Friday, March 03, 2023").',
  },
  'import/no-headline': {
    severity: 'error',
    summary: 'A story to import has no headline after its date line.',
  },
  'import/layout': {
    severity: 'error',
    summary:
      'A story to import has more lines between its headline and its highlights than the standfirst and the caption.',
  },
  'import/no-body': {
    severity: 'error',
    summary: 'A story to import has no body paragraph.',
  },
  'import/unterminated-quote': {
    severity: 'error',
    summary: 'A quotation mark of a story to import opens a quote that never closes.',
  },
  'import/existing-id': {
    severity: 'error',
    summary:
      'An import would add a document whose `_id`, or file, the target folder already has: import only adds documents.',
  },
  'site-config/syntax': {
    severity: 'error',
    summary: '`site.config.json` is not valid JSON.',
  },
  'site-config/not-object': {
    severity: 'error',
    summary: '`site.config.json` holds something other than one JSON object.',
  },
  'site-config/required': {
    severity: 'error',
    summary: '`site.config.json` lacks `url`, `name` or `language`.',
  },
  'site-config/additional-properties': {
    severity: 'error',
    summary: '`site.config.json` has a field its schema does not define.',
  },
  'site-config/invalid-value': {
    severity: 'error',
    summary:
      'A `site.config.json` field of the wrong type or form: a URL that is not absolute http(s), blank text, a language that is not BCP 47.',
  },
} as const satisfies Record<string, Rule>

/** The id of a rule in the catalogue. */
export type RuleId = keyof typeof RULES

/** Whether a rule reports a problem with the environment (exit 2) rather than the content. */
export function isInputRule(rule: RuleId): boolean {
  return rule.startsWith('input/')
}

/** The rules of one stage: `RuleOf<'render'>` is every `render/*` rule. */
export type RuleOf<Stage extends string> = Extract<RuleId, `${Stage}/${string}`>
