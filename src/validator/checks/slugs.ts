/**
 * When two documents would be one page: they have the same `_type` and the same `slug.current`
 * (a slug names the page's folder, such as `people/<slug>/`). The validator's cross-document
 * check and the renderer's own check both use this, so the rule is written once.
 */

/** The `slug.current` of a document, when it is a string. */
export function slugOf(document: unknown): string | null {
  if (typeof document !== 'object' || document === null) return null
  const slug: unknown = (document as { slug?: unknown }).slug
  if (typeof slug !== 'object' || slug === null) return null
  const current: unknown = (slug as { current?: unknown }).current
  return typeof current === 'string' ? current : null
}

/** Which document holds each slug, per type, in the order the documents come. */
export class SlugOwners<Owner> {
  readonly #byType = new Map<string, Map<string, Owner>>()

  /**
   * Claim `slug` among the documents of `type` for `owner`.
   * @returns the owner that already holds it, or undefined when it was free (and now is `owner`'s).
   */
  claim(type: string, slug: string, owner: Owner): Owner | undefined {
    let owners = this.#byType.get(type)
    if (owners === undefined) {
      owners = new Map()
      this.#byType.set(type, owners)
    }
    const holder = owners.get(slug)
    if (holder !== undefined) return holder
    owners.set(slug, owner)
    return undefined
  }
}
