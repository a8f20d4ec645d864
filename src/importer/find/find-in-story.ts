/**
 * TEMPORARY: finds nothing. The finder branch (i13-finder) replaces this file; it is here only so
 * the reader, the assembler and the import command compile and run before the finder lands.
 */
import type { Findings, KnownEntity, WireStory } from '../story.js'

/** The people, organizations and quotes of `story`: none, until the finder lands. */
export function findInStory(_story: WireStory, _known: KnownEntity[]): Findings {
  return { people: [], organizations: [], quotes: [], mentions: [], review: [] }
}
