/** A file that `npm run types` writes, and what it should contain. */
export interface GeneratedFile {
  /** Path relative to the package root. */
  path: string
  content: string
}
