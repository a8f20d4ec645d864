/**
 * Building HTML strings. Every attribute value goes through the attribute escaper; element content
 * given here is already HTML (made by this renderer from escaped text), never raw content.
 */
import { escapeAttribute } from './escape.js'

/** Attribute values; `undefined` leaves the attribute out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>

/** ` name="value"` for each attribute with a value, values escaped for a quoted attribute. */
export function attributes(values: Attributes): string {
  // A loop, not entries/filter/map: this runs for every link of every page.
  let html = ''
  for (const name of Object.keys(values)) {
    const value = values[name]
    if (value !== undefined) html += ` ${name}="${escapeAttribute(String(value))}"`
  }
  return html
}

/** `<tag attributes>html</tag>`; `html` must already be safe HTML. */
export function element(tag: string, values: Attributes, html: string): string {
  return `<${tag}${attributes(values)}>${html}</${tag}>`
}
