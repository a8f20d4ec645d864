/** Typographic quotation marks and the straight mark each stands for. */
const SINGLE = /[\u2018\u2019\u201A\u201B\u2039\u203A]/g
const DOUBLE = /[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g

/**
 * Text as compared for quote fidelity: typographic quotation marks (‘’‚‛‹› and “”„‟«») become
 * ' and ", and every run of whitespace one space, trimmed. Nothing else changes: a quote is
 * verbatim or it is not.
 */
export function normalizeQuoteText(text: string): string {
  return text.replace(SINGLE, "'").replace(DOUBLE, '"').replace(/\s+/g, ' ').trim()
}

/** The kinds of quote whose words must appear verbatim in the text they annotate. */
export function isVerbatimKind(kind: string): boolean {
  return kind === 'direct' || kind === 'partial'
}

/** One quotation annotation: the quote it names, and the words it covers. */
export interface Quotation {
  quote: string
  /** The covered words, as written (compare with isVerbatim, which normalises). */
  words: string
  /** Pointer to the quotation markDef, when collected with pointers (to report a problem). */
  pointer?: string
}

/** A Quote document's kind and normalised text, as cross-document checks need them. */
export interface QuoteFacts {
  kind: string
  /** Normalised with normalizeQuoteText. */
  text: string
}

/**
 * Whether quote `facts` is verbatim in the annotated `words`. Paraphrases always pass.
 * Most words contain the quote as written, so they are normalised only when that fails.
 */
export function isVerbatim(facts: QuoteFacts, words: string): boolean {
  if (!isVerbatimKind(facts.kind) || words.includes(facts.text)) return true
  return normalizeQuoteText(words).includes(facts.text)
}
