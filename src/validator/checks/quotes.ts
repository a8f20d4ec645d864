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

/**
 * Between the pieces of a quote annotated in pieces (see `Quotation`): U+2029, the paragraph
 * separator, which no annotation's words keep (the checker makes it a line feed, which compares
 * the same) and which `normalizeQuoteText` makes one space, as the pieces are read.
 */
export const PIECE_BREAK = '\u2029'

/**
 * One quotation annotation, or one quote annotated in pieces: the quote it names, and the words
 * it covers. A quote that runs across paragraphs is annotated in each of them; the quotations of
 * one quote in consecutive blocks of one document come as one, their words joined by PIECE_BREAK.
 */
export interface Quotation {
  quote: string
  /**
   * The covered words, as written (compare with isVerbatim, which normalises); for pieces, each
   * piece's words, in reading order, joined by PIECE_BREAK.
   */
  words: string
  /**
   * Pointer to the quotation markDef (the first piece's), when collected with pointers (to report
   * a problem).
   */
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
 * Words in pieces (joined by PIECE_BREAK) are judged by `strayPiece`.
 */
export function isVerbatim(facts: QuoteFacts, words: string): boolean {
  if (!isVerbatimKind(facts.kind)) return true
  if (words.includes(PIECE_BREAK)) return strayPiece(facts.text, words) === undefined
  return words.includes(facts.text) || normalizeQuoteText(words).includes(facts.text)
}

/** The pieces of a quotation's words, each normalised: one for a single annotation. */
export function piecesOf(words: string): string[] {
  return words.split(PIECE_BREAK).map(normalizeQuoteText)
}

/**
 * The index of the first piece of `words` that is not part of the quote whose normalised text
 * is `text`, in order; undefined when every piece is. A piece is part of it when it holds the
 * whole text on its own (as a single annotation must), or when it opens a run of pieces that,
 * joined by one space, hold the text from within the run's first piece into its last; the pieces
 * after a run are judged afresh. So pieces out of order, a piece that is no part of the text, and
 * text left out all fail.
 */
export function strayPiece(text: string, words: string): number | undefined {
  const pieces = piecesOf(words)
  for (let k = 0; k < pieces.length; ) {
    const next = runEnd(pieces, k, text)
    if (next === undefined) return k
    k = next
  }
  return undefined
}

/**
 * The index after the shortest run of pieces from `k` whose joined words hold `text` starting in
 * piece `k` (`k + 1` when piece `k` holds it alone), or undefined when there is none. The first
 * occurrence found as pieces are added is new with the last piece, so it reaches into it.
 */
function runEnd(pieces: readonly string[], k: number, text: string): number | undefined {
  const first = pieces[k] as string
  let joined = first
  for (let m = k; m < pieces.length; m++) {
    if (m > k) joined += ` ${pieces[m]}`
    const at = joined.indexOf(text)
    // Found only past the first piece: that piece is no part of this occurrence.
    if (at !== -1) return at < first.length ? m + 1 : undefined
  }
  return undefined
}
