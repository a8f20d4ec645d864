import { type Segment, toPointer } from '../../json/pointer.js'
import { messages } from '../../messages.js'
import type { Finding } from './finding.js'
import type { Quotation } from './quotes.js'

type Item = Record<string, unknown>

/** Arrays up to this long are checked for repeated `_key`s pairwise, without a Map. */
const SMALL_ARRAY = 16

/**
 * Portable Text integrity, as a walk visitor so it covers every rich-text array of a document
 * (body, highlights, and any added later): unique `_key`s in every array, marks that resolve,
 * markDefs that are used, list levels that nest, and the words each quotation covers.
 */
export class PortableTextChecker {
  /** A check failed in a walk without paths: walk again with paths to report it. */
  failed = false

  /**
   * Without `findings`, a failed check only sets `failed` (the fast pass every document gets);
   * with them, it is reported there, and quotations get their pointers (the walk gives paths).
   * Each quotation, with the words it covers, goes to `onQuotation`.
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
    if ((first as Item)._type === 'block' || items.some(isBlock)) this.#listLevels(items, path)
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
        this.#quotation(def, key, children, () => toPointer([...path, 'markDefs', d]))
      }
    }
  }

  /** Each run of adjacent spans carrying the quotation's key is one place the quote appears. */
  #quotation(def: Item, key: string, children: readonly unknown[], pointerOf: () => string): void {
    const quote = (def.quote as Item | null | undefined)?._ref
    if (typeof quote !== 'string') return
    const pointer = this.findings ? pointerOf() : undefined
    let words: string | undefined
    for (let c = 0; c <= children.length; c++) {
      const { marks, text } = (children[c] ?? {}) as Item
      if (Array.isArray(marks) && marks.includes(key) && typeof text === 'string') {
        words = (words ?? '') + text
      } else if (words !== undefined) {
        const quotation: Quotation = { quote, words }
        if (pointer !== undefined) quotation.pointer = pointer
        this.onQuotation(quotation)
        words = undefined
      }
    }
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
