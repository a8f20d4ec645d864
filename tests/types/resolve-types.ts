// Type-level test, checked by `tsc --noEmit`: `resolve` returns the document type its reference
// points to. Each @ts-expect-error line must stay an error, or tsc fails.
import type {
  Article,
  Content,
  ContentDocument,
  Person,
  PersonReference,
  Photo,
  PhotoReference,
  Quote,
  QuoteReference,
} from 'us-russia-g20-story'

declare const content: Content
declare const quote: Quote
declare const article: Article
declare const quoteReference: QuoteReference
declare const either: PersonReference | PhotoReference

export const speaker: Person = content.resolve(quote.speaker as PersonReference)
export const photo: Photo = content.resolve(article.photo as PhotoReference)
export const quoted: Quote = content.resolve(quoteReference)
export const personOrPhoto: Person | Photo = content.resolve(either)
// A reference written by hand carries no target type: any document.
export const handMade: ContentDocument = content.resolve({ _type: 'reference', _ref: 'x' })

// @ts-expect-error A PersonReference resolves to a Person, which has no `text`.
export const notAQuote: string = content.resolve(quote.speaker as PersonReference).text
// @ts-expect-error A QuoteReference does not resolve to a Person.
export const notAPerson: Person = content.resolve(quoteReference)
// @ts-expect-error The three reference types are told apart: a QuoteReference is no PersonReference.
export const swapped: PersonReference = quoteReference
// @ts-expect-error A hand-made reference may point at any document, not only a Person.
export const unknownTarget: Person = content.resolve({ _type: 'reference', _ref: 'x' })
