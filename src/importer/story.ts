/**
 * The importer in three steps, and the shapes that pass between them:
 * 1. the reader turns wire copy (plain text in the seed's layout) into a `WireStory`;
 * 2. the finder turns a `WireStory`, and the people and organizations already in the target
 *    content folder, into `Findings`: who and what is named, and where; which words are quoted,
 *    and by whom;
 * 3. the assembler turns both into documents (article, photo, people, organizations, quotes),
 *    with the findings as Portable Text annotations, and the review report.
 * Each step is pure; reading and writing files happen at the edges, in the command.
 */

/** A piece of the input's text and where it starts in the file (1-based line and column). */
export interface TextLine {
  text: string
  line: number
  column: number
}

/** A wire story's parts, in the seed's layout, as written (quotation marks untouched). */
export interface WireStory {
  /** The input's path, for messages. */
  file: string
  /** The date line as written ("Friday, March 03, 2023") and as an ISO date, `iso` ("2023-03-03"). */
  date: TextLine & { iso: string }
  headline: TextLine
  standfirst?: TextLine | undefined
  /** The photo caption, and how many times the copy prints it in a row (1 or 2). */
  caption?: (TextLine & { printed: number }) | undefined
  /** The bullet highlights, without their bullets and trailing spaces. */
  highlights: TextLine[]
  /** The dateline that opens the first paragraph ("NEW DELHI"), without its colon. */
  dateline?: string | undefined
  /** The body paragraphs; the first one without its dateline. */
  paragraphs: TextLine[]
}

/** The parts of a story the finder reads, and that annotations can cover. */
export type StoryPart = 'headline' | 'standfirst' | 'caption' | 'highlight' | 'paragraph'

/** A run of a story's text: its part, which one of that part, and the characters. */
export interface TextRange {
  part: StoryPart
  /** The position in `highlights` or `paragraphs`; 0 for the parts a story has one of. */
  index: number
  /** UTF-16 offsets into that part's `text`; `end` is exclusive. */
  start: number
  end: number
}

/** A person the story names. */
export interface FoundPerson {
  /**
   * The person's document id: an existing document's when the target folder has this person
   * (by name or alternate name), otherwise a new `person-<slug of the name>`.
   */
  id: string
  /** Whether `id` is a document already in the target content folder (then it is not written). */
  existing: boolean
  /** The fullest spelling the story gives, as the body writes it ("Sergei Lavrov"). */
  name: string
  /** Other spellings the story uses for the same person ("Sergey Lavrov" in a caption). */
  alternateNames: string[]
  /** The title the story gives ("Russian Deputy Foreign Minister"); never invented. */
  role?: string | undefined
}

/** An organization the story names. */
export interface FoundOrganization {
  /** As for people: an existing document's id, or a new `organization-<slug of the name>`. */
  id: string
  existing: boolean
  name: string
  alternateNames: string[]
}

/** A quote, with who said it, as the story tells it. */
export interface FoundQuote {
  /** A new document id, `quote-<speaker>-<first words>`, unique within the findings. */
  id: string
  /**
   * The quoted words without their quotation marks, exactly as the story prints them; for a quote
   * that runs across paragraphs, the paragraphs' words joined by one space.
   */
  text: string
  kind: 'direct' | 'partial' | 'paraphrase'
  /** The id of the `FoundPerson` or `FoundOrganization` who said it, when the story names one. */
  speaker?: string | undefined
  /**
   * The story's words for a source that is no person or organization found ("a senior US
   * official", "Russia").
   */
  attribution?: string | undefined
  /** How the words reached the reporter, in the story's words ("told reporters"). */
  via?: string | undefined
  /** The id of the `FoundOrganization` that carried the words ("RIA Novosti reported"). */
  channel?: string | undefined
  /** Where it was said, when the sentence states it ("a news conference"). */
  occasion?: string | undefined
  /** Where the quoted words are: one range per paragraph they run through. */
  ranges: TextRange[]
}

/** A place where the story names a person or an organization. */
export interface FoundMention {
  kind: 'person' | 'organization'
  /** The `FoundPerson` or `FoundOrganization` id. */
  id: string
  range: TextRange
}

/** Something an editor should check before publishing an import. */
export interface ReviewItem {
  /** What kind of thing to check, as a stable code (`import/unresolved-speaker`, …). */
  code: string
  /** What to check and why, as a sentence. */
  message: string
  /** Where in the story, when it is about one place. */
  range?: TextRange | undefined
  /** The document it is about, when it is about one. */
  documentId?: string | undefined
}

/** What the finder finds in a story. */
export interface Findings {
  people: FoundPerson[]
  organizations: FoundOrganization[]
  quotes: FoundQuote[]
  mentions: FoundMention[]
  review: ReviewItem[]
}

/** A person or organization already in the target content folder, as the finder matches them. */
export interface KnownEntity {
  kind: 'person' | 'organization'
  id: string
  name: string
  alternateNames: string[]
}
