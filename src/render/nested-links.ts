/**
 * Links inside links. HTML forbids an `<a>` inside an `<a>`, and Markdown makes the inner one win
 * and prints the outer brackets as text. Marks render inside out (children first), so each link a
 * renderer makes is recorded here, and an outer link takes the text of any inner one it contains:
 * the outer link wins, and the output stays valid.
 */
export class NestedLinks {
  readonly #innerOf = new Map<string, string>()

  /**
   * Wraps `children` in a link made by `wrap`, after replacing any link recorded here that
   * `children` contains with that link's own children.
   */
  link(children: string, wrap: (children: string) => string): string {
    const inner = this.unwrap(children)
    const linked = wrap(inner)
    this.#innerOf.set(linked, inner)
    return linked
  }

  /** `children` with every recorded link in it replaced by that link's children. */
  unwrap(children: string): string {
    let result = children
    for (const [linked, inner] of this.#innerOf) {
      if (result.includes(linked)) result = result.split(linked).join(inner)
    }
    return result
  }
}
