/**
 * The renderer's own check of an article before any of it is rendered: every block, style, list
 * type, mark and annotation is one the renderer has a component for, and every reference names a
 * document. Validation should have caught all of these; this check makes the renderer refuse
 * loudly, with the document and pointer, rather than drop or guess at content.
 */
import type { Article } from '../generated/types.js'
import { pointerTo } from '../json/pointer.js'
import { jsonType } from '../messages.js'
import {
  type ContentIndex,
  resolveOrganization,
  resolvePerson,
  resolvePhoto,
  resolveQuote,
  speakerOf,
} from './content-index.js'
import { calendarDate } from './dates.js'
import { RenderError, UnknownArticleError } from './errors.js'

/** Block styles the renderer has a component for. */
export const BLOCK_STYLES: readonly string[] = ['normal', 'h2', 'h3', 'blockquote']
/** List types the renderer has a component for. */
export const LIST_TYPES: readonly string[] = ['bullet', 'number']
/** Decorators the renderer has a component for. */
export const DECORATORS: readonly string[] = ['strong', 'em']
/** Annotation types the renderer has a component for. */
export const ANNOTATIONS: readonly string[] = [
  'link',
  'personMention',
  'organizationMention',
  'quotation',
]
/** Block types of an article body. Highlights take text blocks only. */
export const BODY_TYPES: readonly string[] = ['block', 'photoEmbed']

type Json = Record<string, unknown>

/**
 * Throws a {@link RenderError} for the first thing in `article` the renderer cannot render
 * faithfully: an unknown block type, style, list type, inline type, mark or annotation, or a
 * reference to a document that is not there.
 */
export function assertRenderable(article: Article, index: ContentIndex): void {
  const at = { index, documentId: article._id }
  calendarDate(article.datePublished, article._id)
  for (const [i, update] of (article.updates ?? []).entries()) {
    calendarDate(update.date, article._id, `/updates/${i}/date`)
    checkBlocks(update.text, `/updates/${i}/text`, ['block'], at)
  }
  if (article.photo !== undefined) resolvePhoto(index, article.photo._ref, article._id, '/photo')
  checkBlocks(article.highlights ?? [], '/highlights', ['block'], at)
  checkBlocks(article.body, '/body', BODY_TYPES, at)
}

/**
 * The article with id `articleId`, checked with {@link assertRenderable}.
 * @throws {UnknownArticleError} when the content has no such article (it lists the ids it has).
 */
export function renderableArticle(index: ContentIndex, articleId: string): Article {
  const article = index.articles.find((candidate) => candidate._id === articleId)
  if (article === undefined) {
    throw new UnknownArticleError(
      articleId,
      index.articles.map((candidate) => candidate._id),
    )
  }
  assertRenderable(article, index)
  return article
}

interface Place {
  index: ContentIndex
  documentId: string
}

function checkBlocks(blocks: unknown, pointer: string, types: readonly string[], at: Place): void {
  if (!Array.isArray(blocks)) {
    throw new RenderError({
      rule: 'render/unknown-type',
      message: `Expected an array of blocks, found ${jsonType(blocks)}: write the text as an array of \`block\` and \`photoEmbed\` objects.`,
      documentId: at.documentId,
      pointer,
      type: jsonType(blocks),
    })
  }
  blocks.forEach((block: Json, i) => {
    const here = pointerTo(pointer, i)
    const type = String(block?._type)
    if (!types.includes(type)) unknown(at, here, 'block type', type, types)
    if (type === 'photoEmbed') {
      resolvePhoto(at.index, refOf(block.photo), at.documentId, pointerTo(here, 'photo'))
    } else checkTextBlock(block, here, at)
  })
}

function checkTextBlock(block: Json, pointer: string, at: Place): void {
  const style = block.style ?? 'normal'
  if (!BLOCK_STYLES.includes(String(style))) {
    unknown(at, pointerTo(pointer, 'style'), 'block style', String(style), BLOCK_STYLES)
  }
  if (block.listItem !== undefined && !LIST_TYPES.includes(String(block.listItem))) {
    unknown(at, pointerTo(pointer, 'listItem'), 'list type', String(block.listItem), LIST_TYPES)
  }
  const markDefs = arrayAt(block, 'markDefs', pointer, at)
  markDefs.forEach((def: Json, i) => {
    checkAnnotation(def, pointerTo(pointer, 'markDefs', i), at)
  })
  const keys = new Set(markDefs.map((def: Json) => def?._key))
  arrayAt(block, 'children', pointer, at).forEach((span: Json, i) => {
    const here = pointerTo(pointer, 'children', i)
    if (span?._type !== 'span') unknown(at, here, 'inline type', String(span?._type), ['span'])
    if (typeof span.text !== 'string') {
      throw new RenderError({
        rule: 'render/unknown-type',
        message: `A span has no text (found ${jsonType(span.text)}): give every span a \`text\` string.`,
        documentId: at.documentId,
        pointer: pointerTo(here, 'text'),
        type: jsonType(span.text),
      })
    }
    const marks: unknown[] = Array.isArray(span.marks) ? span.marks : []
    marks.forEach((mark, m) => {
      if (!DECORATORS.includes(String(mark)) && !keys.has(mark)) {
        unknown(at, pointerTo(here, 'marks', m), 'mark', String(mark), DECORATORS, true)
      }
    })
  })
}

function checkAnnotation(def: Json, pointer: string, at: Place): void {
  const type = String(def?._type)
  if (!ANNOTATIONS.includes(type)) unknown(at, pointer, 'annotation type', type, ANNOTATIONS)
  if (type === 'personMention') {
    resolvePerson(at.index, refOf(def.person), at.documentId, pointerTo(pointer, 'person'))
  } else if (type === 'organizationMention') {
    const ref = refOf(def.organization)
    resolveOrganization(at.index, ref, at.documentId, pointerTo(pointer, 'organization'))
  } else if (type === 'quotation') {
    const quote = resolveQuote(
      at.index,
      refOf(def.quote),
      at.documentId,
      pointerTo(pointer, 'quote'),
    )
    speakerOf(quote, at.index)
    if (quote.channel !== undefined) {
      resolveOrganization(at.index, quote.channel._ref, quote._id, '/channel')
    }
  }
}

function arrayAt(block: Json, field: string, pointer: string, at: Place): Json[] {
  const value = block[field] ?? []
  if (Array.isArray(value)) return value
  throw new RenderError({
    rule: 'render/unknown-type',
    message: `Expected an array, found ${jsonType(value)}: write \`${field}\` as an array, or leave it out.`,
    documentId: at.documentId,
    pointer: pointerTo(pointer, field),
    type: jsonType(value),
  })
}

function refOf(reference: unknown): string {
  const ref = (reference as { _ref?: unknown } | undefined)?._ref
  return typeof ref === 'string' ? ref : String(ref)
}

function unknown(
  at: Place,
  pointer: string,
  what: string,
  type: string,
  known: readonly string[],
  isMark = false,
): never {
  const fix = isMark
    ? `use a decorator (${known.join(', ')}) or the _key of one of the block's markDefs`
    : `use one the renderer has components for (${known.join(', ')})`
  throw new RenderError({
    rule: 'render/unknown-type',
    message: `Unknown ${what} "${type}": ${fix}.`,
    documentId: at.documentId,
    pointer,
    type,
  })
}
