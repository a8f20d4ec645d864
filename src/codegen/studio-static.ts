/**
 * The studio/ modules that do not depend on the schemas: the validation helpers and the
 * `contentHash` field. They are generated anyway so that studio/ is one self-contained folder.
 */

/** studio/rules.ts: custom validators for what Sanity's rule builders cannot say. */
export const RULES_MODULE = `import type { SlugValue } from '@sanity/types'

/** A custom rule: the slug's \`current\` must match the JSON Schema pattern. */
export function slugPattern(pattern: RegExp, hint: string) {
  return (value: SlugValue | undefined): true | string =>
    value?.current === undefined || pattern.test(value.current) || \`\${hint} Got "\${value.current}".\`
}

/** A custom document rule: exactly one of two fields has a value (JSON Schema if/then/else). */
export function exactlyOneOf(first: string, second: string) {
  return (document: { [field: string]: unknown } | undefined): true | string => {
    const given = [first, second].filter((field) => document?.[field] !== undefined)
    return given.length === 1 || \`Give either \${first} or \${second}, not both and not neither.\`
  }
}
`

/** studio/content-hash.ts: the field publish uses to tell an editor's change from its own. */
export const CONTENT_HASH_MODULE = `import type { StringDefinition } from '@sanity/types'

/**
 * The sha-256 of the document's content as this repository last published it. Publish sets it;
 * an editor's change does not, so a document whose content no longer matches it was edited in
 * Studio and is not overwritten. Hidden and read-only: editors never need to see or change it.
 */
export const contentHashField = {
  name: 'contentHash',
  title: 'Content hash',
  type: 'string',
  description:
    'Set by publishing from the content repository; tells an editor change from a published one. Do not edit.',
  hidden: true,
  readOnly: true,
} satisfies StringDefinition
`
