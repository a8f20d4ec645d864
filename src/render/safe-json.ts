/**
 * JSON files the renderer writes (ninjs, JSON Feed): 2-space indentation and a final newline.
 * DEL, C1 controls, U+2028 and U+2029 are written as `\u` escapes (JSON already escapes the C0
 * controls), so printing the file cannot drive a terminal; it parses to the same value.
 */
export function terminalSafeJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return `${json}\n`
}
