/**
 * XML documents (the Atom feed, the sitemaps), written by fast-xml-parser's builder, which
 * escapes `&`, `<`, `>` and quotes in text and attribute values. Before that, every string is
 * cleaned of what XML 1.0 cannot hold at all (NUL, most controls, lone surrogates): no escape
 * exists for them, and a parser stops at the first one.
 */
import { XMLBuilder } from 'fast-xml-parser'
import { replaceDisallowedCharacters } from './escape.js'

/**
 * An element's content as the builder takes it: attributes are keys starting with `@_`, text is
 * `#text`, a child element is a key of its own (an array for repeated elements).
 */
export type XmlTree = { [name: string]: XmlTree | XmlTree[] | string | undefined }

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
})

/** `root` as a UTF-8 XML document with its declaration and a final newline. */
export function xmlDocument(root: XmlTree): string {
  const body = builder.build(clean(root)) as string
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.trimEnd()}\n`
}

/** Text XML 1.0 can hold: disallowed code points become U+FFFD (form feed too, unlike HTML). */
export function xmlSafeText(text: string): string {
  return replaceDisallowedCharacters(text).replace(/\f/g, '\uFFFD')
}

function clean(tree: XmlTree): XmlTree {
  const out: XmlTree = {}
  for (const [key, value] of Object.entries(tree)) {
    if (value === undefined) continue
    out[key] =
      typeof value === 'string'
        ? xmlSafeText(value)
        : Array.isArray(value)
          ? value.map(clean)
          : clean(value)
  }
  return out
}
