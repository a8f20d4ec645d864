/**
 * HTML ids on one page. An id may appear once per page, but the same quote can be marked in two
 * places (or in two runs of one sentence): the first place gets the id, the others none.
 */
export class PageIds {
  readonly #used = new Set<string>()

  /** `id` when no element of the page has it yet (and from now on one has), else `undefined`. */
  claim(id: string): string | undefined {
    if (this.#used.has(id)) return undefined
    this.#used.add(id)
    return id
  }
}
