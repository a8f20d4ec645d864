/**
 * studio/rules.ts, the one studio/ module that does not depend on the schemas: custom validators
 * for what Sanity's rule builders cannot say. It is generated anyway so that studio/ is one
 * self-contained folder.
 */

/** studio/rules.ts: custom validators for what Sanity's rule builders cannot say. */
export const RULES_MODULE = `import type { SlugValue } from '@sanity/types'

/** A custom rule: the slug's \`current\` must match the JSON Schema pattern. */
export function slugPattern(pattern: RegExp, hint: string) {
  return (value: SlugValue | undefined): true | string =>
    value?.current === undefined || pattern.test(value.current) || \`\${hint} Got "\${value.current}".\`
}

/**
 * A custom rule: the slug's \`current\` has at most \`max\` characters (JSON Schema maxLength).
 * The slug type's \`options.maxLength\` only cuts a generated slug; it validates nothing.
 */
export function slugMaxLength(max: number) {
  return (value: SlugValue | undefined): true | string => {
    const length = value?.current === undefined ? 0 : [...value.current].length
    return length <= max || \`At most \${max} characters; this slug has \${length}. Shorten it.\`
  }
}

/** A custom block rule: a list item's \`level\` is a whole number from \`min\` to \`max\`. */
export function listLevel(min: number, max: number) {
  return (block: { level?: unknown } | undefined): true | string => {
    const level = block?.level
    const fits =
      level === undefined ||
      (typeof level === 'number' && Number.isInteger(level) && level >= min && level <= max)
    return fits || \`A list level is a whole number from \${min} to \${max}; this block has \${String(level)}.\`
  }
}

/** A custom document rule: at least one of two fields has a value (JSON Schema if/else). */
export function atLeastOneOf(first: string, second: string) {
  return (document: { [field: string]: unknown } | undefined): true | string =>
    document?.[first] !== undefined ||
    document?.[second] !== undefined ||
    \`Give \${first} or \${second}: this document has neither.\`
}

/** A custom document rule: exactly one of two fields has a value (JSON Schema if/then/else). */
export function exactlyOneOf(first: string, second: string) {
  return (document: { [field: string]: unknown } | undefined): true | string => {
    const given = [first, second].filter((field) => document?.[field] !== undefined)
    return given.length === 1 || \`Give either \${first} or \${second}, not both and not neither.\`
  }
}
`
