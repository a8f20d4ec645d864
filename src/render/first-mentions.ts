/**
 * One link per person or organization on a page, at its first mention, as newsrooms link: the
 * later mentions are plain text, so a story that names Blinken twenty times shows one link to
 * him, not twenty. The content keeps every mention annotated either way.
 */
export class FirstMentions {
  /** The mention that claimed each document: its annotation (the markDef object). */
  readonly #claimedBy = new Map<string, object>()

  /**
   * Whether the mention `annotation` of the document `documentId` is its first on the page, and
   * so gets the link. The same annotation asking again keeps its answer: the Portable Text
   * renderer renders some list items twice, and keeps the second rendering.
   */
  claim(documentId: string, annotation: object): boolean {
    const claimed = this.#claimedBy.get(documentId)
    if (claimed === undefined) this.#claimedBy.set(documentId, annotation)
    return claimed === undefined || claimed === annotation
  }
}
