import type { TextLine, WireStory } from '../src/importer/story.js'

/**
 * A small stand-in for the importer's reader, for the finder's tests: the seed's layout, split on
 * blank lines (date, headline, standfirst, caption block, bullets, then paragraphs).
 */
export function wireStoryFromText(file: string, text: string): WireStory {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const blocks: TextLine[][] = []
  let block: TextLine[] = []
  lines.forEach((raw, i) => {
    const trimmed = raw.trim()
    if (trimmed === '') {
      if (block.length > 0) blocks.push(block)
      block = []
      return
    }
    block.push({ text: trimmed, line: i + 1, column: raw.indexOf(trimmed) + 1 })
  })
  if (block.length > 0) blocks.push(block)
  const [dateBlock, headline, standfirst, caption, bullets, ...rest] = blocks
  if (!dateBlock || !headline || !standfirst || !caption || !bullets) throw new Error(`${file}: short`)
  const first = rest[0]?.[0]
  const dateline = first?.text.match(/^([A-Z][A-Z .'-]+):\s*/)
  const paragraphs = rest.map((b) => b[0] as TextLine)
  if (first && dateline) paragraphs[0] = { ...first, text: first.text.slice(dateline[0].length) }
  return {
    file,
    date: { ...(dateBlock[0] as TextLine), iso: '2000-01-01' },
    headline: headline[0] as TextLine,
    standfirst: standfirst[0],
    caption: { ...(caption[0] as TextLine), printed: caption.length },
    highlights: bullets.map((b) => ({ ...b, text: b.text.replace(/^[•*-]\s*/, '') })),
    dateline: dateline?.[1],
    paragraphs,
  }
}
