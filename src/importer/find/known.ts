import type { KnownEntity, ReviewItem } from '../story.js'

/** What matching a found name against the target folder's people or organizations gave. */
export type KnownMatch = { existing: true; id: string } | { existing: false }

/**
 * The known entity of that kind one of whose names (name or alternate name) is one of the
 * story's spellings. Two or more such entities are not guessed between: the match is left
 * out and a review item says which documents it could be.
 */
export function matchKnown(
  kind: KnownEntity['kind'],
  spellings: string[],
  known: KnownEntity[],
  takenIds: Set<string>,
  review: ReviewItem[],
): KnownMatch {
  const wanted = new Set(spellings.map((s) => s.toLowerCase()))
  const matches = known.filter(
    (k) =>
      k.kind === kind && [k.name, ...k.alternateNames].some((n) => wanted.has(n.toLowerCase())),
  )
  for (const k of known) takenIds.add(k.id)
  if (matches.length === 1) return { existing: true, id: (matches[0] as KnownEntity).id }
  if (matches.length > 1)
    review.push({
      code: 'import/ambiguous-match',
      message: `"${spellings[0]}" matches ${matches.map((m) => m.id).join(' and ')} in the target folder: the importer did not choose and adds a new ${kind}; merge it by hand.`,
    })
  return { existing: false }
}
