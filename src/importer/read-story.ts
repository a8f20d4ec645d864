/**
 * The importer's first step: wire copy in the seed's layout becomes a `WireStory`. The layout,
 * in order: a date line ("Friday, March 03, 2023"), the headline, the standfirst, the photo
 * caption (printed once or twice), bullet highlights (`•`, `-` or `*`), and the body paragraphs,
 * one a line, the first opening with a dateline ("NEW DELHI: "). Blank lines, indents, trailing
 * spaces (non-breaking ones too), CRLF or CR line ends and a byte order mark do not matter; the
 * words and their quotation marks are kept as written. Every part keeps the line and column it
 * starts at, so what the later steps report can point into the file.
 *
 * What cannot be read as a story is refused with a `StoryError`: its diagnostics say where
 * (line, column), under which `import/*` rule, and what to do.
 */
import { decodeUtf8 } from '../json/decode.js'
import { bytePosition } from '../json/locate.js'
import { MONTHS, WEEKDAYS } from '../render/dates.js'
import { unterminatedQuote } from './quotation-marks.js'
import type { TextLine, WireStory } from './story.js'
import { StoryError, type StoryPlace, storyProblem } from './story-error.js'

/**
 * The longest line a story may have, in characters. A paragraph of wire copy is a line of a few
 * hundred characters; a line this long is not a story, and reading on would only cost memory.
 */
export const MAX_LINE_LENGTH = 20_000

const BULLET = /^[•*-][ \t\u00a0]+(?=\S)/
const DATE_LINE = new RegExp(
  `^(${WEEKDAYS.join('|')}),\\s+(${MONTHS.join('|')})\\s+(\\d{1,2}),\\s+(\\d{4})$`,
)
/** A dateline in capitals ("NEW DELHI", "WASHINGTON, D.C.") and its colon, opening a paragraph. */
const DATELINE = /^([A-Z][A-Z .,'’-]*[A-Z.]):\s+(?=\S)/
/** Control characters that have no place in text (tab and the line ends are fine). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/

/** A non-blank line of the input: its text without surrounding white space, and where that starts. */
interface Line extends TextLine {
  bullet: boolean
  /** Where the line's first non-blank character is: its bullet, for a highlight. */
  start: number
}

/**
 * Read `input` (the file's bytes, or its text) as a wire story.
 * @param file the input's path, as messages name it.
 * @throws {StoryError} when the input is not a story in the seed's layout.
 */
export function readStory(input: Uint8Array | string, file: string): WireStory {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decode(input, file)
  const lines = storyLines(text, file)
  const at = (line: { line: number; column: number }): StoryPlace => ({
    file,
    line: line.line,
    column: line.column,
  })
  const startOf = (line: Line): StoryPlace => ({ file, line: line.line, column: line.start })
  const [dateLine, ...rest] = lines
  if (dateLine === undefined) {
    fail('import/empty', { file, line: 1, column: 1 }, emptyMessage(file))
  }
  const date = parseDate(dateLine, file)
  const [headline, ...afterHeadline] = rest
  if (headline === undefined || headline.bullet) {
    fail(
      'import/no-headline',
      headline === undefined
        ? at({ line: dateLine.line, column: dateLine.column + dateLine.text.length })
        : startOf(headline),
      'The headline must follow the date line, on a line of its own (then the standfirst, the caption and the bullet highlights). Add the headline.',
    )
  }
  const { front, highlights, body } = sections(afterHeadline)
  const { standfirst, caption } = frontMatter(front, file)
  const first = body[0]
  if (first === undefined) {
    const last = lines[lines.length - 1] as Line
    fail(
      'import/no-body',
      startOf(last),
      'The story has no body: after the highlights come the paragraphs, the first one opening with the dateline ("NEW DELHI: "). Add the story’s paragraphs.',
    )
  }
  const dateline = DATELINE.exec(first.text)
  const paragraphs = body.map(textLine)
  if (dateline !== null) {
    const length = (dateline[0] as string).length
    paragraphs[0] = {
      text: first.text.slice(length),
      line: first.line,
      column: first.column + length,
    }
  }
  const story: WireStory = {
    file,
    date,
    headline: textLine(headline),
    standfirst,
    caption,
    highlights: highlights.map((line) => textLine(line)),
    dateline: dateline?.[1],
    paragraphs,
  }
  const open = unterminatedQuote(story)
  if (open !== undefined) {
    fail(
      'import/unterminated-quote',
      at({ line: open.at.line, column: open.at.column + open.offset }),
      'This quotation mark opens a quote that is never closed: add the closing mark where the quote ends. A quote that runs on into the next paragraph needs no closing mark there, but the next paragraph must open with a quotation mark.',
    )
  }
  return story
}

function fail(rule: Parameters<typeof storyProblem>[0], place: StoryPlace, message: string): never {
  throw new StoryError([storyProblem(rule, place, message)])
}

function emptyMessage(file: string): string {
  return `${file} holds no text: a wire story starts with its date line ("Friday, March 03, 2023") and its headline. Check that this is the file you meant.`
}

/** The bytes as text, or a StoryError at the first NUL byte or invalid UTF-8 sequence. */
function decode(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    fail(
      'import/binary',
      { file, ...bytePosition(bytes, nul) },
      `${file} holds binary data (a NUL byte here), not wire copy: import the story's plain-text file.`,
    )
  }
  const decoded = decodeUtf8(bytes)
  if (!decoded.ok) {
    const byte = (bytes[decoded.offset] ?? 0).toString(16).padStart(2, '0')
    fail(
      'import/encoding',
      { file, ...bytePosition(bytes, decoded.offset) },
      `Byte 0x${byte} here is not UTF-8: save the story as UTF-8 text (an editor's "Save with encoding") and import it again.`,
    )
  }
  return decoded.text
}

/** The input's non-blank lines, trimmed, with their places; refuses control characters and huge lines. */
function storyLines(text: string, file: string): Line[] {
  const lines: Line[] = []
  const raw = text.split(/\r\n|\r|\n/)
  for (const [index, content] of raw.entries()) {
    const line = index + 1
    if (content.length > MAX_LINE_LENGTH) {
      fail(
        'import/line-too-long',
        { file, line, column: 1 },
        `Line ${line} is ${content.length} characters long; a line of a story may have at most ${MAX_LINE_LENGTH}. Check that this is a wire story, and put each paragraph on a line of its own.`,
      )
    }
    const control = CONTROL.exec(content)
    if (control !== null) {
      const code = (control[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')
      fail(
        'import/binary',
        { file, line, column: control.index + 1 },
        `A control character (U+${code.toUpperCase()}) here: ${file} holds binary data, or text a program mangled. Remove the character, or import the story's plain-text file.`,
      )
    }
    const trimmed = content.trim()
    if (trimmed === '') continue
    const column = content.length - content.trimStart().length + 1
    const bullet = BULLET.exec(trimmed)
    lines.push(
      bullet === null
        ? { text: trimmed, line, column, bullet: false, start: column }
        : {
            text: trimmed.slice(bullet[0].length),
            line,
            column: column + bullet[0].length,
            bullet: true,
            start: column,
          },
    )
  }
  return lines
}

/** The date line as written, with its ISO date; a StoryError when it is not a real date line. */
function parseDate(line: Line, file: string): WireStory['date'] {
  const match = DATE_LINE.exec(line.text)
  const example = 'Friday, March 03, 2023'
  if (match === null) {
    fail(
      'import/date-line',
      { file, line: line.line, column: line.column },
      `The story must open with its date line, as in "${example}" (the weekday, the month's name, the day, the year); this line is not one. Add the date line, or correct it.`,
    )
  }
  const [, weekday, monthName, dayText, yearText] = match as unknown as string[]
  const month = MONTHS.indexOf(monthName as string) + 1
  const day = Number(dayText)
  const year = Number(yearText)
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    fail(
      'import/date-line',
      { file, line: line.line, column: line.column },
      `${monthName} ${dayText}, ${yearText} is not a date: correct the date line.`,
    )
  }
  const actual = WEEKDAYS[date.getUTCDay()]
  if (actual !== weekday) {
    fail(
      'import/date-line',
      { file, line: line.line, column: line.column },
      `${monthName} ${dayText}, ${yearText} is a ${actual}, not a ${weekday}: correct the date or the weekday.`,
    )
  }
  const iso = `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { ...textLine(line), iso }
}

/**
 * The lines after the headline, in three runs: the front matter (standfirst, caption), the
 * highlights and the body. The highlights are the first run of bullet lines. Without them, the
 * body starts at the paragraph that opens with a dateline; without that too, after the standfirst
 * and a caption printed twice, when more lines follow them (a story has a body).
 */
function sections(lines: Line[]): { front: Line[]; highlights: Line[]; body: Line[] } {
  const firstBullet = lines.findIndex((line) => line.bullet)
  if (firstBullet !== -1) {
    let end = firstBullet
    while (lines[end]?.bullet) end++
    return {
      front: lines.slice(0, firstBullet),
      highlights: lines.slice(firstBullet, end),
      body: lines.slice(end),
    }
  }
  const dateline = lines.findIndex((line) => DATELINE.test(line.text))
  if (dateline !== -1) {
    return { front: lines.slice(0, dateline), highlights: [], body: lines.slice(dateline) }
  }
  const twice = lines[1] !== undefined && lines[2]?.text === lines[1].text
  const wanted = twice ? 3 : 1
  const frontLength = lines.length > wanted ? wanted : 0
  return { front: lines.slice(0, frontLength), highlights: [], body: lines.slice(frontLength) }
}

/**
 * The standfirst and the caption, from the lines between the headline and the highlights. A line
 * printed twice in a row is the caption; with two different lines, the first is the standfirst.
 */
function frontMatter(
  front: Line[],
  file: string,
): { standfirst?: TextLine; caption?: TextLine & { printed: number } } {
  const runs: { line: Line; printed: number }[] = []
  for (const line of front) {
    const last = runs[runs.length - 1]
    if (last !== undefined && last.line.text === line.text) last.printed++
    else runs.push({ line, printed: 1 })
  }
  const extra = runs.find((run, index) => index >= 2 || run.printed > 2)
  if (extra !== undefined) {
    const place = { file, line: extra.line.line, column: extra.line.start }
    fail(
      'import/layout',
      place,
      'Between the headline and the highlights the layout has the standfirst and the photo caption (printed once or twice), one a line; this line is one too many. Join a standfirst broken over lines, put a paragraph after the highlights, or mark a highlight with a bullet (•, - or *).',
    )
  }
  const [first, second] = runs
  if (first === undefined) return {}
  if (second === undefined) {
    return first.printed === 2
      ? { caption: { ...textLine(first.line), printed: 2 } }
      : { standfirst: textLine(first.line) }
  }
  return {
    standfirst: textLine(first.line),
    caption: { ...textLine(second.line), printed: second.printed },
  }
}

function textLine(line: Line): TextLine {
  return { text: line.text, line: line.line, column: line.column }
}
