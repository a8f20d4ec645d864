/**
 * The document-type registry: one row per document type, and everything this package knows about
 * a type that its JSON Schema does not say. Adding a document type means writing its schema in
 * `schemas/`, adding one row here and running `npm run types`. The rest follows from the rows:
 * `npm run types` generates the types, validators, type guards, `Content` groups and the Studio
 * schema (previews, slug sources, text areas), and at run time the validator, the loader, pull
 * and the renderer read the rows (schema files, folders, required text, pages).
 */

/** The Studio list preview of a document type: Sanity's `preview` of a document definition. */
export interface PreviewSpec {
  /** Preview keys (`title`, `subtitle`, `media`, or any name `prepare` takes) to field paths. */
  readonly select: Readonly<Record<string, string>>
  /** Source of a function from the selected values to `{ title, subtitle }`, when given. */
  readonly prepare?: string
}

/** One row of the registry: what the package needs to know about a document type. */
export interface DocumentTypeSpec {
  /** The type's JSON Schema, a file name in `schemas/`. */
  readonly schema: string
  /**
   * The type's folder under `content/` (pull writes new documents there), and the name of its
   * group in `loadContent`'s `Content` (`content.people`).
   */
  readonly folder: string
  /** The type's name for people: the Studio document title and the heading of its group. */
  readonly label: string
  /** How a document shows in Studio lists. */
  readonly preview: PreviewSpec
  /** The field Studio's "Generate" button builds the slug from, for a type with a slug. */
  readonly slugSource?: string
  /** Fields of long prose: Studio gives them a text area rather than a one-line input. */
  readonly multiline?: readonly string[]
  /** The text fields every page showing the document needs; the renderer refuses blank ones. */
  readonly requiredText: readonly string[]
  /**
   * The site folder of the type's pages (`people` for `people/<slug>/index.html`), for a type
   * that has a page of its own. Its slug names the page, so it must be unique within the type.
   */
  readonly page?: string
}

/**
 * Every document type, by `_type`. Sanity reserves `image`, so the image type is `photo`.
 * The order is the order of generated unions, groups and Studio lists.
 */
export const DOCUMENT_TYPE_REGISTRY = {
  article: {
    schema: 'article.schema.json',
    folder: 'articles',
    label: 'Article',
    preview: { select: { title: 'headline', subtitle: 'dateline', media: 'photo.image' } },
    slugSource: 'headline',
    multiline: ['standfirst'],
    requiredText: ['headline'],
    page: 'articles',
  },
  person: {
    schema: 'person.schema.json',
    folder: 'people',
    label: 'Person',
    preview: { select: { title: 'name', subtitle: 'role' } },
    slugSource: 'name',
    requiredText: ['name'],
    page: 'people',
  },
  organization: {
    schema: 'organization.schema.json',
    folder: 'organizations',
    label: 'Organization',
    preview: { select: { title: 'name' } },
    slugSource: 'name',
    requiredText: ['name'],
    page: 'organizations',
  },
  quote: {
    schema: 'quote.schema.json',
    folder: 'quotes',
    label: 'Quote',
    // A quote has a named speaker or an attribution: show whichever it has.
    preview: {
      select: { title: 'text', speaker: 'speaker.name', attribution: 'attribution' },
      prepare: '({ title, speaker, attribution }) => ({ title, subtitle: speaker ?? attribution })',
    },
    multiline: ['text'],
    requiredText: ['text', 'kind'],
  },
  photo: {
    schema: 'image.schema.json',
    folder: 'photos',
    label: 'Photo',
    preview: { select: { title: 'caption', subtitle: 'credit', media: 'image' } },
    multiline: ['caption'],
    requiredText: ['alt', 'caption'],
  },
} as const satisfies Readonly<Record<string, DocumentTypeSpec>>

/** A document `_type` this package defines. */
export type DocumentType = keyof typeof DOCUMENT_TYPE_REGISTRY

/** The folder (and `Content` group) of a document type: `people` for `person`. */
export type DocumentFolder = (typeof DOCUMENT_TYPE_REGISTRY)[DocumentType]['folder']

/** The document types, in registry order. */
export const DOCUMENT_TYPES = Object.keys(DOCUMENT_TYPE_REGISTRY) as DocumentType[]

/** Whether `type` is a document type this package defines. */
export function isRegisteredType(type: unknown): type is DocumentType {
  return typeof type === 'string' && Object.hasOwn(DOCUMENT_TYPE_REGISTRY, type)
}

/** The registry row of `type`, or undefined for a type the package does not define. */
export function documentTypeSpec(type: unknown): DocumentTypeSpec | undefined {
  return isRegisteredType(type) ? DOCUMENT_TYPE_REGISTRY[type] : undefined
}
