/**
 * Every escaper, output for exact output: the characters each one changes, the ones it must
 * leave alone next to them, and the edges of each range. The rendering tests show that pages are
 * safe; these pin down how, so that a weaker escaper cannot pass unnoticed.
 */
import { describe, expect, it } from 'vitest'
import {
  escapeAttribute,
  escapeMarkdownDestination,
  escapeMarkdownLineStarts,
  escapeMarkdownText,
  escapeMarkdownTitle,
  escapeText,
  replaceDisallowedCharacters,
  serializeJsonForScript,
  toPrintableText,
} from '../src/render/escape.js'
import { attributes, element } from '../src/render/html.js'
import { escapeData, escapeProperty, format } from '../src/report/github.js'
import { printable } from '../src/sanity/printable.js'

const R = '\uFFFD'

describe('replaceDisallowedCharacters', () => {
  it.each([
    ['NUL', '\u0000'],
    ['U+0001', '\u0001'],
    ['backspace, the last control before tab', '\u0008'],
    ['vertical tab', '\u000B'],
    ['U+000E, the first control after carriage return', '\u000E'],
    ['U+001F', '\u001F'],
    ['DEL', '\u007F'],
    ['U+0080, the first C1 control', '\u0080'],
    ['U+009F, the last C1 control', '\u009F'],
    ['U+FDD0, the first noncharacter', '\uFDD0'],
    ['U+FDEF, the last of that block', '\uFDEF'],
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', '\uFFFF'],
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', '\uDFFF'],
  ])('replaces %s with U+FFFD', (_, c) => {
    expect(replaceDisallowedCharacters(`a${c}b`)).toBe(`a${R}b`)
  })

  it('replaces a noncharacter of another plane (a surrogate pair) with one U+FFFD', () => {
    expect(replaceDisallowedCharacters('a\u{1FFFE}b\u{10FFFF}')).toBe(`a${R}b${R}`)
  })

  it('keeps tab, line feed, form feed and carriage return', () => {
    expect(replaceDisallowedCharacters('a\tb\nc\fd\re')).toBe('a\tb\nc\fd\re')
  })

  it('keeps the characters just outside the ranges, and pairs that are not noncharacters', () => {
    const kept = ' ~\u00A0\uFDCF\uFDF0\uFFFD\u{1F600}\u{1FFFD}'
    expect(replaceDisallowedCharacters(kept)).toBe(kept)
  })

  it('replaces them in a text that holds nothing else', () => {
    expect(replaceDisallowedCharacters('\u0001\uFFFE')).toBe(`${R}${R}`)
  })

  it('replaces every one, not only the first', () => {
    expect(replaceDisallowedCharacters('\u0000x\u0000\uFFFF')).toBe(`${R}x${R}${R}`)
  })
})

describe('escapeText', () => {
  it('escapes &, < and >, and nothing else', () => {
    expect(escapeText(`a & b < c > d " e ' f`)).toBe(`a &amp; b &lt; c &gt; d " e ' f`)
  })

  it('escapes every occurrence, and an entity in the text as text', () => {
    expect(escapeText('<<&amp;>>')).toBe('&lt;&lt;&amp;amp;&gt;&gt;')
  })

  it('keeps whitespace, and replaces characters HTML does not allow', () => {
    expect(escapeText(' a\n\tb\u0000<')).toBe(` a\n\tb${R}&lt;`)
  })
})

describe('escapeAttribute', () => {
  it('escapes &, <, >, both quotes, every time', () => {
    expect(escapeAttribute(`&<>"'&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;&amp;&lt;&gt;&quot;&#39;')
  })

  it('leaves other characters, and replaces characters HTML does not allow', () => {
    expect(escapeAttribute('a=b `c` \u0007')).toBe(`a=b \`c\` ${R}`)
  })
})

describe('serializeJsonForScript', () => {
  const value = { text: '</script><!-- & \u2028 \u2029 >', n: 1 }

  it('escapes <, >, &, U+2028 and U+2029 as \\u escapes, indented by two spaces', () => {
    expect(serializeJsonForScript(value)).toBe(
      '{\n  "text": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028 \\u2029 \\u003e",\n  "n": 1\n}',
    )
  })

  it('parses back to the same value', () => {
    expect(JSON.parse(serializeJsonForScript(value))).toEqual(value)
  })

  it('replaces the noncharacters JSON.stringify leaves as they are', () => {
    expect(serializeJsonForScript('a\uFFFFb')).toBe(`"a${R}b"`)
  })
})

describe('escapeMarkdownText', () => {
  it('puts a backslash before every character with a meaning in a Markdown line', () => {
    expect(escapeMarkdownText('\\`*_[]<>&|~!@')).toBe('\\\\\\`\\*\\_\\[\\]\\<\\>\\&\\|\\~\\!\\@')
  })

  it('leaves the characters that only mean something at a line start, and plain punctuation', () => {
    expect(escapeMarkdownText('# 1. - + = a.b a:b (c) "d" {e} $f ^g')).toBe(
      '# 1. - + = a.b a:b (c) "d" {e} $f ^g',
    )
  })

  it('breaks up an autolink: the colon before // and the dot after www, in any case', () => {
    expect(escapeMarkdownText('see https://x.org, WWW.y.org and www.z.org')).toBe(
      'see https\\://x.org, WWW\\.y.org and www\\.z.org',
    )
  })

  it('leaves a colon not before //, and a dot not after the word www', () => {
    expect(escapeMarkdownText('a:/b c: d awww.e www2.f')).toBe('a:/b c: d awww.e www2.f')
  })

  it('replaces control characters, and keeps tab and line feed', () => {
    expect(escapeMarkdownText('a\u001b[2Jb\tc\nd\re')).toBe(`a${R}\\[2Jb\tc\nd${R}e`)
  })
})

describe('escapeMarkdownLineStarts', () => {
  it.each([
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['= underline', '\\= underline'],
    ['> quote', '\\> quote'],
    ['12. item', '12\\. item'],
    ['3) item', '3\\) item'],
    ['    code', 'code'],
    ['\t\t# tabbed heading', '\\# tabbed heading'],
    ['  12. indented item', '12\\. indented item'],
  ])('%j → %j', (line, escaped) => {
    expect(escapeMarkdownLineStarts(line)).toBe(escaped)
  })

  it('leaves those characters when they do not start the line', () => {
    expect(escapeMarkdownLineStarts('a # b - c 1. d x1. e')).toBe('a # b - c 1. d x1. e')
  })

  it('escapes only the first one, and a number only before . or )', () => {
    expect(escapeMarkdownLineStarts('## two')).toBe('\\## two')
    expect(escapeMarkdownLineStarts('1.5 million')).toBe('1\\.5 million')
    expect(escapeMarkdownLineStarts('2023 was')).toBe('2023 was')
  })

  it('handles every line on its own', () => {
    expect(escapeMarkdownLineStarts('# a\n - b\nc\n1) d')).toBe('\\# a\n\\- b\nc\n1\\) d')
  })
})

describe('escapeMarkdownTitle', () => {
  it('escapes the quote and backslash that would end a title, and &, <, >', () => {
    expect(escapeMarkdownTitle('say "hi" \\ & <b>')).toBe('say \\"hi\\" \\\\ \\& \\<b\\>')
  })

  it('folds each run of whitespace, line breaks included, into one space', () => {
    expect(escapeMarkdownTitle('a  b\n\n\tc d')).toBe('a b c d')
  })

  it('leaves what a title may hold, and replaces control characters', () => {
    expect(escapeMarkdownTitle("it's (Blinken) *quoted*\u001b")).toBe(`it's (Blinken) *quoted*${R}`)
  })
})

describe('escapeMarkdownDestination', () => {
  it('percent-encodes what would end a destination or start a title, in upper case', () => {
    expect(escapeMarkdownDestination(`a b(c)<d>"e"'f'\\g\th\ni`)).toBe(
      'a%20b%28c%29%3Cd%3E%22e%22%27f%27%5Cg%09h%0Ai',
    )
  })

  it('pads a code below 16 to two digits, and leaves the rest of a URL alone', () => {
    expect(escapeMarkdownDestination('https://x.org/a?b=1&c=%20#d\u000B')).toBe(
      'https://x.org/a?b=1&c=%20#d%0B',
    )
  })
})

describe('toPrintableText', () => {
  it('replaces every control character but tab and line feed', () => {
    expect(toPrintableText('\u001b]0;title\u0007a\rb\u0085c\td\ne')).toBe(
      `${R}]0;title${R}a${R}b${R}c\td\ne`,
    )
  })

  it('replaces what HTML does not allow as well, and keeps other text', () => {
    expect(toPrintableText('\uFFFF ü 😀')).toBe(`${R} ü 😀`)
  })
})

describe('printable (terminal output of publish and pull)', () => {
  it('turns C0 and C1 controls, DEL and line breaks into ?', () => {
    expect(printable('\u0000a\u001fb\u007fc\u0080d\u009fe\nf\rg\th')).toBe('?a?b?c?d?e?f?g?h')
  })

  it('leaves the characters next to those ranges', () => {
    expect(printable(' ~\u00A0ü')).toBe(' ~\u00A0ü')
  })
})

describe('attributes and element', () => {
  it('writes each attribute that has a value, escaped, in order', () => {
    expect(attributes({ href: 'a?b=1&c="2"', title: undefined, width: 0, alt: '' })).toBe(
      ' href="a?b=1&amp;c=&quot;2&quot;" width="0" alt=""',
    )
  })

  it('writes nothing for no attributes', () => {
    expect(attributes({})).toBe('')
  })

  it('wraps HTML in a tag with its attributes', () => {
    expect(element('a', { href: "'x'" }, '<b>y</b>')).toBe('<a href="&#39;x&#39;"><b>y</b></a>')
  })
})

describe('GitHub workflow commands', () => {
  it('escapes %, CR and LF in a message, % first', () => {
    expect(escapeData('100% a\r\nb\n%0A')).toBe('100%25 a%0D%0Ab%0A%250A')
  })

  it('escapes : and , in a property as well', () => {
    expect(escapeProperty('a:b,c%d\n')).toBe('a%3Ab%2Cc%25d%0A')
  })

  it('adds the pointer to the message when there is one', () => {
    const problem = {
      severity: 'error' as const,
      rule: 'json/syntax' as const,
      message: 'Bad: 100%',
      file: 'a,b.json',
      line: 2,
      column: 3,
      pointer: '/x',
      documentId: null,
    }
    const report = { valid: false, documents: 1, problems: [problem, { ...problem, pointer: '' }] }
    const [first, second] = format(report).split('\n')
    expect(first).toBe(
      '::error file=a%2Cb.json,line=2,col=3,title=json/syntax::Bad: 100%25 (at /x)',
    )
    expect(second).toBe('::error file=a%2Cb.json,line=2,col=3,title=json/syntax::Bad: 100%25')
  })
})
