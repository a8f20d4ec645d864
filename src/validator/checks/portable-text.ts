import { type Segment, toPointer } from '../../json/pointer.js'
import { messages } from '../../messages.js'
import type { Finding } from './finding.js'
import { PIECE_BREAK, type Quotation } from './quotes.js'

type Item = Record<string, unknown>

/** A quotation held until the walk is finished, and the index of the span it starts at. */
interface Held {
  quotation: Quotation
  start: number
}

/** Arrays up to this long are checked for repeated `_key`s pairwise, without a Map. */
const SMALL_ARRAY = 16

/**
 * Portable Text integrity, as a walk visitor so it covers every rich-text array of a document
 * (body, highlights, and any added later): unique `_key`s in every array, marks that resolve,
 * markDefs that are used, list levels that nest, and the words each quotation covers.
 *
 * Quotations are held until `finish`, once the walk is done (the fast walk does not go in
 * document order): then the quotations of one quote in consecutive blocks of one array come as
 * one, in pieces (see `Quotation`), so that a quote running across paragraphs can be one Quote.
 */
export class PortableTextChecker {
  /** A check failed in a walk without paths: walk again with paths to report it. */
  failed = false
  /** The arrays that hold blocks, where `finish` reads the blocks' order. */
  readonly #blockArrays: (readonly unknown[])[] = []
  /** The quotations of each block that has some, in the order of its spans. */
  readonly #quoted = new Map<unknown, Held[]>()

  /**
   * Without `findings`, a failed check only sets `failed` (the fast pass every document gets);
   * with them, it is reported there, and quotations get their pointers (the walk gives paths).
   * Each quotation, with the words it covers, goes to `onQuotation` when the walk is finished.
   */
  constructor(
    private readonly decorators: ReadonlySet<string>,
    private readonly onQuotation: (quotation: Quotation) => void,
    private readonly findings?: Finding[],
  ) {}

  /** Every array: repeated `_key`s among its objects, and list levels among its blocks. */
  array(items: readonly unknown[], path: readonly Segment[] = []): void {
    // Arrays of strings (marks) and empty arrays have neither.
    const first = items[0]
    if (typeof first !== 'object' || first === null) return
    if (items.length > 1) this.#uniqueKeys(items, path)
    if ((first as Item)._type === 'block' || items.some(isBlock)) {
      this.#blockArrays.push(items)
      this.#listLevels(items, path)
    }
  }

  /**
   * The walk is done: every quotation goes to `onQuotation`, those of one quote in consecutive
   * blocks of an array joined into pieces. A block outside any array (none in this model) gives
   * its quotations one by one.
   */
  finish(): void {
    for (const items of this.#blockArrays) {
      if (this.#quoted.size === 0) break
      /** The pieces of each quote so far, and the index of the block of the last one. */
      const open = new Map<string, { pieces: Quotation[]; block: number }>()
      for (let i = 0; i < items.length; i++) {
        const held = this.#quoted.get(items[i])
        if (held === undefined) continue
        this.#quoted.delete(items[i])
        for (const { quotation } of held) {
          const run = open.get(quotation.quote)
          // The block after the last piece's: one more piece. (A quote twice in one block is two.)
          if (run?.block === i - 1) {
            run.pieces.push(quotation)
            run.block = i
            continue
          }
          if (run) this.#emit(run.pieces)
          open.set(quotation.quote, { pieces: [quotation], block: i })
        }
      }
      for (const run of open.values()) this.#emit(run.pieces)
    }
    for (const held of this.#quoted.values()) for (const h of held) this.onQuotation(h.quotation)
    this.#quoted.clear()
    this.#blockArrays.length = 0
  }

  /** One quotation, or the pieces of one quote as one, placed at the first piece. */
  #emit(pieces: readonly Quotation[]): void {
    const [first] = pieces as [Quotation]
    if (pieces.length === 1) {
      this.onQuotation(first)
      return
    }
    const quotation: Quotation = {
      quote: first.quote,
      words: pieces.map((piece) => piece.words).join(PIECE_BREAK),
    }
    if (first.pointer !== undefined) quotation.pointer = first.pointer
    this.onQuotation(quotation)
  }

  /** Every text block: marks that resolve, markDefs in use, and quotation words. */
  block(block: Item, path: readonly Segment[] = []): void {
    if (Array.isArray(block.children)) this.#block(block, block.children, path)
  }

  #uniqueKeys(items: readonly unknown[], path: readonly Segment[]): void {
    if (items.length <= SMALL_ARRAY) {
      for (let i = 1; i < items.length; i++) {
        const key = keyOf(items[i])
        if (key === undefined) continue
        for (let j = 0; j < i; j++) {
          if (keyOf(items[j]) !== key) continue
          this.#duplicate(key, j, path, i)
          break
        }
      }
      return
    }
    const firstIndex = new Map<string, number>()
    items.forEach((item, index) => {
      const key = keyOf(item)
      if (key === undefined) return
      const first = firstIndex.get(key)
      if (first === undefined) firstIndex.set(key, index)
      else this.#duplicate(key, first, path, index)
    })
  }

  #duplicate(key: string, first: number, path: readonly Segment[], index: number): void {
    this.#report('array/duplicate-key', () => messages.arrayDuplicateKey(key, first), [
      ...path,
      index,
      '_key',
    ])
  }

  #listLevels(items: readonly unknown[], path: readonly Segment[]): void {
    let previous: number | undefined
    items.forEach((item, index) => {
      const level = listLevel(item)
      if (level === undefined) {
        previous = undefined
        return
      }
      // A level that is not a whole number ≥ 1 is the schema's to report.
      if (level === null) return
      if (previous === undefined && level !== 1) {
        this.#report('portable-text/list-level', () => messages.listStart(level), [
          ...path,
          index,
          'level',
        ])
      } else if (previous !== undefined && level > previous + 1) {
        const from = previous
        this.#report('portable-text/list-level', () => messages.listJump(from, level), [
          ...path,
          index,
          'level',
        ])
      }
      previous = level
    })
  }

  #block(block: Item, children: readonly unknown[], path: readonly Segment[]): void {
    const markDefs = Array.isArray(block.markDefs) ? (block.markDefs as unknown[]) : []
    // Which markDefs a span uses, by index (plain loops: this runs for every block of every document).
    const used: boolean[] = []
    for (let c = 0; c < children.length; c++) {
      const marks = (children[c] as Item | null)?.marks
      if (!Array.isArray(marks)) continue
      for (let m = 0; m < marks.length; m++) {
        const mark = marks[m]
        if (typeof mark !== 'string' || this.decorators.has(mark)) continue
        const d = indexOfKey(markDefs, mark)
        if (d !== -1) used[d] = true
        else {
          const message = (): string => messages.unknownMark(mark, [...this.decorators])
          this.#report('portable-text/unknown-mark', message, [...path, 'children', c, 'marks', m])
        }
      }
    }
    for (let d = 0; d < markDefs.length; d++) {
      const def = markDefs[d] as Item
      const key = keyOf(def)
      // A markDef whose `_key` repeats an earlier one is reported as a duplicate key.
      if (key === undefined || indexOfKey(markDefs, key) !== d) continue
      if (!used[d]) {
        const message = (): string => messages.unusedMarkDef(key, String(def._type))
        this.#report('portable-text/unused-mark-def', message, [...path, 'markDefs', d])
      } else if (def._type === 'quotation') {
        this.#quotation(block, def, key, children, () => toPointer([...path, 'markDefs', d]))
      }
    }
  }

  /**
   * Each run of adjacent spans carrying the quotation's key is one place the quote appears: held,
   * with where it starts among the block's spans, for `finish`.
   */
  #quotation(
    block: Item,
    def: Item,
    key: string,
    children: readonly unknown[],
    pointerOf: () => string,
  ): void {
    const quote = (def.quote as Item | null | undefined)?._ref
    if (typeof quote !== 'string') return
    const pointer = this.findings ? pointerOf() : undefined
    let words: string | undefined
    let start = 0
    for (let c = 0; c <= children.length; c++) {
      const { marks, text } = (children[c] ?? {}) as Item
      if (Array.isArray(marks) && marks.includes(key) && typeof text === 'string') {
        if (words === undefined) start = c
        words = (words ?? '') + text
      } else if (words !== undefined) {
        // Words that hold the piece break would read as pieces: a line feed compares the same.
        const quotation: Quotation = { quote, words: words.replaceAll(PIECE_BREAK, '\n') }
        if (pointer !== undefined) quotation.pointer = pointer
        this.#hold(block, quotation, start)
        words = undefined
      }
    }
  }

  /** Keep a block's quotations in the order of the spans they start at (its markDefs may be in any order). */
  #hold(block: Item, quotation: Quotation, start: number): void {
    const held = this.#quoted.get(block)
    if (held === undefined) {
      this.#quoted.set(block, [{ quotation, start }])
      return
    }
    let at = held.length
    while (at > 0 && (held[at - 1] as Held).start > start) at--
    held.splice(at, 0, { quotation, start })
  }

  #report(rule: Finding['rule'], message: () => string, path: Segment[]): void {
    this.failed = true
    this.findings?.push({ rule, message: message(), pointer: toPointer(path) })
  }
}

function isBlock(item: unknown): boolean {
  return item !== null && typeof item === 'object' && (item as Item)._type === 'block'
}

/** The index of the first item whose `_key` is `key`, or -1. */
function indexOfKey(items: readonly unknown[], key: string): number {
  for (let i = 0; i < items.length; i++) if (keyOf(items[i]) === key) return i
  return -1
}

function keyOf(item: unknown): string | undefined {
  const key = item !== null && typeof item === 'object' ? (item as Item)._key : undefined
  return typeof key === 'string' ? key : undefined
}

/** undefined: not a list item; null: a list item whose level is the schema's problem; else the level (default 1). */
function listLevel(item: unknown): number | null | undefined {
  if (item === null || typeof item !== 'object') return undefined
  const { _type, listItem, level } = item as Item
  if (_type !== 'block' || listItem === undefined) return undefined
  if (level === undefined) return 1
  return Number.isInteger(level) && (level as number) >= 1 ? (level as number) : null
}
