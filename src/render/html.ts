/**
 * Building HTML strings. Every attribute value goes through the attribute escaper; element content
 * given here is already HTML (made by this renderer from escaped text), never raw content.
 */
import { escapeAttribute } from './escape.js'

/** Attribute values; `undefined` leaves the attribute out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>

/** ` name="value"` for each attribute with a value, values escaped for a quoted attribute. */
export function attributes(values: Attributes): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('')
}

/** `<tag attributes>html</tag>`; `html` must already be safe HTML. */
export function element(tag: string, values: Attributes, html: string): string {
  return `<${tag}${attributes(values)}>${html}</${tag}>`
}
