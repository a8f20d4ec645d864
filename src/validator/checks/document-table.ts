/** Where a document is, to read it again when a problem found at the end needs a position. */
export interface DocumentPlace {
  sourceIndex: number
  kind: 'json' | 'ndjson'
  file: string
  line: number
  offset: number
  length: number
  documentId: string | null
}

/** A growable list of document ordinals: 4 bytes each, where an array of objects costs 8 or more. */
export class OrdinalList {
  #items = new Int32Array(4)
  length = 0

  push(ordinal: number): void {
    if (this.length === this.#items.length) {
      const bigger = new Int32Array(this.#items.length * 2)
      bigger.set(this.#items)
      this.#items = bigger
    }
    this.#items[this.length++] = ordinal
  }

  last(): number | undefined {
    // An empty list reads index -1, which a typed array does not have: undefined.
    return this.#items[this.length - 1]
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (let i = 0; i < this.length; i++) yield this.#items[i] as number
  }
}

/**
 * Where every document is, by ordinal (its position in the input), kept in columns: the
 * cross-document checks hold one row per document for the whole run, so a row is a few numbers
 * rather than an object.
 */
export class DocumentTable {
  #capacity = 1024
  #size = 0
  #source = new Int32Array(this.#capacity)
  #line = new Int32Array(this.#capacity)
  #offset = new Float64Array(this.#capacity)
  #length = new Float64Array(this.#capacity)
  // Every entry is written by `add` before `place` reads it: the lists' first contents never show.
  // Stryker disable ArrayDeclaration: as said
  readonly #ids: (string | null)[] = []
  readonly #files: string[] = []
  readonly #kinds: ('json' | 'ndjson')[] = []
  // Stryker restore ArrayDeclaration

  /** Add a document; returns its ordinal. */
  add(place: DocumentPlace): number {
    if (this.#size === this.#capacity) this.#grow()
    const ordinal = this.#size++
    this.#source[ordinal] = place.sourceIndex
    this.#files[place.sourceIndex] = place.file
    this.#kinds[place.sourceIndex] = place.kind
    this.#line[ordinal] = place.line
    this.#offset[ordinal] = place.offset
    this.#length[ordinal] = place.length
    this.#ids[ordinal] = place.documentId
    return ordinal
  }

  /** The place of a document, as an object again. */
  place(ordinal: number): DocumentPlace {
    const sourceIndex = this.#source[ordinal] as number
    return {
      sourceIndex,
      file: this.#files[sourceIndex] as string,
      kind: this.#kinds[sourceIndex] as 'json' | 'ndjson',
      line: this.#line[ordinal] as number,
      offset: this.#offset[ordinal] as number,
      length: this.#length[ordinal] as number,
      documentId: this.#ids[ordinal] as string | null,
    }
  }

  #grow(): void {
    this.#capacity *= 2
    this.#source = grown(this.#source, new Int32Array(this.#capacity))
    this.#line = grown(this.#line, new Int32Array(this.#capacity))
    this.#offset = grown(this.#offset, new Float64Array(this.#capacity))
    this.#length = grown(this.#length, new Float64Array(this.#capacity))
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from)
  return to
}
