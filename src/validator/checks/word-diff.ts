/**
 * Where two texts differ, word by word, in the notation of `git diff --word-diff=plain`:
 * `[-removed-]{+added+}`, with a few words of context around each change and `…` for the rest.
 * Two long quotes that differ in one word late on then read as that word, not as two texts cut
 * off at the same place.
 */

/** Words of unchanged text kept on each side of a change. */
const CONTEXT = 4

/** Above this many cells (words × words) the changed middle is shown as one change. */
const MAX_CELLS = 1_000_000

type Op = { kind: 'equal' | 'removed' | 'added'; word: string }

/**
 * The changes that turn `from` into `to`, word by word. Words `to` has beyond both ends of
 * `from` are left out (`…`): a quotation's annotation may cover more than the quote.
 */
export function wordDiff(from: string, to: string): string {
  const ops = diff(words(from), words(to))
  while (ops[0]?.kind === 'added') ops.shift()
  // Added words at the end are the annotation's extra words only when the quote's own words end
  // before them; after removed words they are what the quote's last words became.
  let last = ops.length
  while (ops[last - 1]?.kind === 'added') last--
  const trimmedEnd = last < ops.length && ops[last - 1]?.kind !== 'removed'
  if (trimmedEnd) ops.length = last
  const parts = render(ops)
  if (trimmedEnd && parts.at(-1) !== '…') parts.push('…')
  return parts.join(' ')
}

function words(text: string): string[] {
  return text.match(/\S+/g) ?? []
}

/** Common prefix and suffix first (most of a misquote), then a longest common subsequence. */
function diff(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0
  // A word of `a` equal to b[start] is one `b` has, so one bound is enough; stepping one past the
  // end of equal texts (`<=`) compares undefined with undefined and leaves the same prefix.
  // Stryker disable next-line EqualityOperator: as said, `<=` ends with the same prefix
  while (start < a.length && a[start] === b[start]) start++
  let end = 0
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++
  const equal = (list: readonly string[]): Op[] => list.map((word) => ({ kind: 'equal', word }))
  return [
    ...equal(a.slice(0, start)),
    ...middle(a.slice(start, a.length - end), b.slice(start, b.length - end)),
    ...equal(a.slice(a.length - end)),
  ]
}

function middle(a: readonly string[], b: readonly string[]): Op[] {
  const removed = (word: string): Op => ({ kind: 'removed', word })
  const added = (word: string): Op => ({ kind: 'added', word })
  if (a.length * b.length > MAX_CELLS) return [...a.map(removed), ...b.map(added)]
  // lengths[i * w + j]: the longest common subsequence of a[i..] and b[j..].
  const w = b.length + 1
  const lengths = new Int32Array((a.length + 1) * w)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * w + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * w + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * w + j] as number, lengths[i * w + j + 1] as number)
    }
  }
  const ops: Op[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: 'equal', word: a[i++] as string })
      j++
    } else if ((lengths[(i + 1) * w + j] as number) >= (lengths[i * w + j + 1] as number))
      ops.push(removed(a[i++] as string))
    else ops.push(added(b[j++] as string))
  }
  return [...ops, ...a.slice(i).map(removed), ...b.slice(j).map(added)]
}

/** Changes grouped (removed words, then added), unchanged runs cut to CONTEXT words a side. */
function render(ops: readonly Op[]): string[] {
  const parts: string[] = []
  let i = 0
  while (i < ops.length) {
    if ((ops[i] as Op).kind === 'equal') {
      const run: string[] = []
      while (ops[i]?.kind === 'equal') run.push((ops[i++] as Op).word)
      // Context follows the change before the run, and leads to the change after it.
      const afterChange = parts.length === 0 ? 0 : CONTEXT
      const beforeChange = i === ops.length ? 0 : CONTEXT
      const noChange = parts.length === 0 && i === ops.length
      if (noChange || run.length <= afterChange + beforeChange) parts.push(...run)
      else parts.push(...run.slice(0, afterChange), '…', ...run.slice(run.length - beforeChange))
      continue
    }
    const removed: string[] = []
    const added: string[] = []
    while (i < ops.length && (ops[i] as Op).kind !== 'equal') {
      const op = ops[i++] as Op
      ;(op.kind === 'removed' ? removed : added).push(op.word)
    }
    parts.push(
      `${removed.length > 0 ? `[-${removed.join(' ')}-]` : ''}${added.length > 0 ? `{+${added.join(' ')}+}` : ''}`,
    )
  }
  return parts
}
