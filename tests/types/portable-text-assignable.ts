// Type-level test, checked by `tsc --noEmit` (tests/types.test.ts runs it): the generated
// Portable Text types must be usable wherever @portabletext/types is expected.
import type {
  PortableTextBlock,
  PortableTextMarkDefinition,
  PortableTextSpan,
} from '@portabletext/types'
import type {
  Article,
  Block,
  Body,
  Link,
  MarkDef,
  PersonMention,
  Photo,
  Quotation,
  Span,
  TextBlocks,
} from 'us-russia-g20-story'

declare const block: Block
declare const span: Span
declare const markDefs: [Link, PersonMention, Quotation]
declare const highlights: TextBlocks
declare const body: Body
declare const article: Article
declare const photo: Photo

export const asBlock: PortableTextBlock = block
export const asStrictBlock: PortableTextBlock<MarkDef, Span, Block['style'], 'bullet' | 'number'> =
  block
export const asSpan: PortableTextSpan = span
export const asMarkDefs: PortableTextMarkDefinition[] = markDefs
export const asBlocks: PortableTextBlock[] = highlights
// A body mixes text blocks and custom blocks; both are typed objects to-html accepts.
export const asBody: Array<PortableTextBlock | { _type: string; _key?: string }> = body
export const asArticleBody: Array<{ _type: string; _key?: string }> = article.body

// @ts-expect-error A Photo document is not a Portable Text block: this line must stay an error.
export const notABlock: PortableTextBlock = photo
