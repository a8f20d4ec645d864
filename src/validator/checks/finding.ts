import type { Anchor, Position } from '../../json/locate.js'
import type { RuleId } from '../../rules.js'

/**
 * A problem in one document before it has a place in a file: checks work on parsed values and
 * name a JSON pointer; positions are worked out afterwards, and only for documents with findings.
 */
export interface Finding {
  rule: RuleId
  message: string
  pointer: string
  /** Point at the member's name (unknown or repeated key) rather than its value. */
  anchor?: Anchor
  /** Set when the check already knows the place (syntax errors, duplicate keys), relative to the document. */
  position?: Position
  expected?: string
  actual?: string
}
