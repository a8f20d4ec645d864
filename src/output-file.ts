/**
 * A file an output stage hands over to be written: the Sanity import file's lines and images, the
 * site's pages, the ninjs items. Below both the stages that make such files and the build that
 * writes them, so a stage never imports the writer.
 */
export interface OutputFile {
  /** A posix path relative to the output folder. */
  path: string
  content: string | Uint8Array
}
