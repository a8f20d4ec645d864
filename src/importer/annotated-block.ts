/**
 * A line of the story as a Portable Text block whose annotations cover exactly the found ranges.
 * Keys follow the hand-made content's: the block's key (`b05`), then its spans `b05s1`, `b05s2`…
 * in reading order, and its markDefs `b05m1`… (people and quotes) and `b05o1`… (organizations),
 * numbered in the order they start. The same story and findings always give the same keys.
 */
import type { Block, MarkDef, Span } from '../generated/types.js'

/** One annotation to make: the characters it covers, and the markDef that says what they are. */
export interface Annotation {
  /** UTF-16 offsets into the block's text; `end` is exclusive. */
  start: number
  end: number
  /** The markDef without its `_key`, which the block gives it. */
  markDef: DistributiveOmit<MarkDef, '_key'>
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/**
 * The block of `text` with `annotations`. Annotations that cover nothing are left out (a markDef
 * no span uses is invalid Portable Text), as are repeats of one markDef over the same characters.
 */
export function annotatedBlock(
  key: string,
  text: string,
  annotations: readonly Annotation[],
  list?: { listItem: 'bullet'; level: number },
): Block {
  const kept = uniqueAnnotations(annotations, text.length).sort(
    (a, b) => a.start - b.start || b.end - a.end,
  )
  const keyed = keyMarkDefs(key, kept)
  const boundaries = [...new Set([0, text.length, ...kept.flatMap((a) => [a.start, a.end])])].sort(
    (a, b) => a - b,
  )
  const children: Span[] = []
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i] as number
    const end = boundaries[i + 1] as number
    // Outer annotations before inner ones: the order in which they start.
    const marks = keyed.filter((a) => a.start <= start && a.end >= end).map((a) => a.key)
    children.push({
      _type: 'span',
      _key: `${key}s${children.length + 1}`,
      text: text.slice(start, end),
      marks,
    })
  }
  const first = children[0] ?? { _type: 'span', _key: `${key}s1`, text, marks: [] }
  const markDefs = [...keyed]
    .sort((a, b) => category(a) - category(b))
    .map((a) => {
      // `_type` first, then `_key`, as in content/.
      const { _type, ...rest } = a.markDef
      return { _type, _key: a.key, ...rest } as MarkDef
    })
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    children: [first, ...children.slice(1)],
    markDefs,
    ...(list === undefined ? {} : list),
  }
}

/** Annotations that cover at least one character of the text, each once. */
function uniqueAnnotations(annotations: readonly Annotation[], length: number): Annotation[] {
  const seen = new Set<string>()
  return annotations.filter((a) => {
    if (a.start < 0 || a.end > length || a.start >= a.end) return false
    const id = `${a.start}:${a.end}:${JSON.stringify(a.markDef)}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/** Organizations are numbered apart (`o`) and listed after people and quotes, as in content/. */
function category(annotation: Annotation): number {
  return annotation.markDef._type === 'organizationMention' ? 1 : 0
}

/** The annotations with their markDef keys: `m1`, `m2`… and `o1`, `o2`… in the order they start. */
function keyMarkDefs(key: string, annotations: Annotation[]): (Annotation & { key: string })[] {
  const counts = { m: 0, o: 0 }
  return annotations.map((a) => {
    const letter = category(a) === 1 ? 'o' : 'm'
    counts[letter]++
    return { ...a, key: `${key}${letter}${counts[letter]}` }
  })
}
