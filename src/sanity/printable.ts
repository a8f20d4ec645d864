/**
 * Text from the dataset made safe for a terminal: control characters (escape sequences that
 * could rewrite the screen, newlines that could forge report lines) become `?`.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
}
