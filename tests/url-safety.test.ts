/**
 * URL safety, input for exact output: the link policy (which hrefs reach a page), the site's own
 * relative links, and how the preview server maps a request path to a file or refuses it.
 */
import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeSegment, relativeHref, safeHref } from '../src/render/url.js'
import { resolveRequestPath } from '../tools/preview/request-path.js'

describe('safeHref', () => {
  it.each([
    'http://example.org/a?b=1&c=2#d',
    'https://example.org/',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:press@example.org',
    'MailTo:press@example.org',
    'http:example.org',
    'articles/x/index.html',
    '/people/',
    '../index.html',
    './a:b',
    '?q=1',
    '#top',
    'a/b:c',
    'a?b:c',
    'a#b:c',
    'a&b',
    'a&#b',
    'a&1;',
    'a;b',
  ])('keeps %j as it is', (href) => {
    expect(safeHref(href)).toBe(href)
  })

  it.each([
    ['javascript:alert(1)', 'a scheme that runs code'],
    ['JavaScript:alert(1)', 'in any case'],
    ['data:text/html,<script>', 'data'],
    ['vbscript:x', 'vbscript'],
    ['ftp://example.org/', 'a scheme that is not http, https or mailto'],
    ['a+b.c-d:x', 'a scheme of every character a scheme may have'],
    ['https:', 'an allowed scheme the URL parser refuses'],
    ['a:b', 'a relative-looking path whose first segment has a colon'],
    ['1a:b', 'the same, starting with a digit (no scheme)'],
    ['\\\\evil.example/x', 'a backslash, which browsers read as a slash'],
    [' http://x', 'a space'],
    ['java\tscript:alert(1)', 'a tab, which browsers remove'],
    ['java\nscript:alert(1)', 'a line feed'],
    ['https://x\u0000', 'NUL'],
    ['https://x\u001f', 'U+001F'],
    ['https://x\u007f', 'DEL'],
    ['https://x\u0085', 'a C1 control'],
    ['https://x\u009f', 'U+009F'],
    ['https://x\u200b', 'a zero-width space'],
    ['https://x\u200f', 'a direction mark'],
    ['https://x\u2028', 'a line separator'],
    ['https://x\u2029', 'a paragraph separator'],
    ['https://x\ufeff', 'a byte order mark'],
    ['javascript&colon;alert(1)', 'a named character reference'],
    ['javascript&#58;alert(1)', 'a decimal character reference'],
    ['javascript&#x3a;alert(1)', 'a hexadecimal character reference'],
    ['a&#X3A;b', 'a hexadecimal reference in capitals'],
    ['a&Z9;b', 'a named reference with a digit'],
    ['', 'nothing'],
  ])('refuses %j: %s', (href) => {
    expect(safeHref(href)).toBeUndefined()
  })

  it('refuses what is not a string', () => {
    for (const href of [undefined, null, 42, {}, ['https://x']])
      expect(safeHref(href)).toBeUndefined()
  })

  it('keeps 2048 characters, and refuses 2049', () => {
    const href = (length: number) => `https://x.org/${'a'.repeat(length - 14)}`
    expect(safeHref(href(2048))).toBe(href(2048))
    expect(safeHref(href(2049))).toBeUndefined()
  })
})

describe('encodeSegment', () => {
  it("encodes what encodeURIComponent does, and !'()* as well, in upper-case hex", () => {
    expect(encodeSegment("a b/c?d#e!f'g(h)i*j~k-l_m.n")).toBe(
      'a%20b%2Fc%3Fd%23e%21f%27g%28h%29i%2Aj~k-l_m.n',
    )
  })
})

describe('relativeHref', () => {
  it.each([
    ['index.html', 'articles/x/index.html', undefined, 'articles/x/index.html'],
    ['articles/x/index.html', 'index.html', undefined, '../../index.html'],
    ['articles/x/index.html', 'articles/y/index.html', undefined, '../y/index.html'],
    ['articles/x/index.html', 'articles/x/index.html', undefined, 'index.html'],
    ['articles/x/index.html', 'people/y/index.html', undefined, '../../people/y/index.html'],
    ['a/b/c.html', 'a/b.html', undefined, '../b.html'],
    ['a/b.html', 'a/b/c.html', undefined, 'b/c.html'],
    // The target's last segment is a file, never a folder to share, even when it is named like
    // the folder the link starts in.
    ['a/b/c.html', 'a/b', undefined, '../b'],
    ['a/x/y/p.html', 'a/z/q.html', undefined, '../../z/q.html'],
    [
      'articles/x/index.html',
      'quotes/index.html',
      'quote a(1)',
      '../../quotes/index.html#quote%20a%281%29',
    ],
    ['index.html', 'quotes/index.html', '', 'quotes/index.html#'],
  ])('from %s to %s (#%s) is %s', (from, to, fragment, href) => {
    expect(relativeHref(from, to, fragment)).toBe(href)
  })
})

describe('resolveRequestPath', () => {
  const root = join(sep, 'srv', 'site')

  it.each([
    ['/', root, true],
    ['/index.html', join(root, 'index.html'), false],
    ['/articles/x/', join(root, 'articles', 'x'), true],
    ['/articles//x', join(root, 'articles', 'x'), false],
    ['/a%20b/%C3%BC.html', join(root, 'a b', 'ü.html'), false],
    ['/a..b/.c', join(root, 'a..b', '.c'), false],
  ])('maps %j under the root', (path, file, trailingSlash) => {
    expect(resolveRequestPath(root, path)).toEqual({ ok: true, file, trailingSlash })
  })

  it.each([
    ['articles/x', 'the path must start with /'],
    ['', 'the path must start with /'],
    ['/a%E0%A4%A', 'the path has a malformed %-escape'],
    ['/a%', 'the path has a malformed %-escape'],
    ['/a%00b', 'the path contains a NUL byte'],
    ['/a%2Fb', 'the path contains an encoded slash or a backslash'],
    ['/a%5Cb', 'the path contains an encoded slash or a backslash'],
    ['/a\\b', 'the path contains an encoded slash or a backslash'],
    ['/../etc/passwd', 'the path contains a dot segment'],
    ['/a/%2e%2e/b', 'the path contains a dot segment'],
    ['/a/./b', 'the path contains a dot segment'],
    ['/a/..', 'the path contains a dot segment'],
  ])('refuses %j: %s', (path, reason) => {
    expect(resolveRequestPath(root, path)).toEqual({ ok: false, status: 400, reason })
  })

  it('maps under a root given with a trailing separator too', () => {
    expect(resolveRequestPath(`${root}${sep}`, '/a')).toEqual({
      ok: true,
      file: join(root, 'a'),
      trailingSlash: false,
    })
  })
})
