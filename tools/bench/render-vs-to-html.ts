/**
 * Our Portable Text to HTML against plain `toHTML` from @portabletext/to-html with its default
 * components, on the same Portable Text: content/'s article body. Ours does more per mark (links
 * to people, quote ids, `cite` and speaker titles, nested-link repair, stricter escaping).
 * In-process: both render the body many times a round, after warm-up rounds.
 */
import { toHTML } from '@portabletext/to-html'
import { readDocuments } from '../../src/content/read-documents.js'
import type { Article } from '../../src/generated/types.js'
import { portableTextToHtml } from '../../src/render/components.js'
import { indexContent } from '../../src/render/content-index.js'
import { FirstMentions } from '../../src/render/first-mentions.js'
import { PageIds } from '../../src/render/ids.js'
import { NestedLinks } from '../../src/render/nested-links.js'
import { articlePage, articleQuotesPage } from '../../src/render/paths.js'
import { median } from './measure.js'
import { type BenchContext, figure, medianOf, type Suite, type SuiteResult } from './suite.js'

/** Ours must render at this fraction of plain toHTML's speed or faster (issue 5: "0.8× or better"). */
const MIN_SPEED = 0.8

/** The two renderers of one article body. */
export interface BodyRenderers {
  article: Article
  /** Our renderer, as the article page calls it (a fresh page context each time). */
  ours(): string
  /** `toHTML` with default components; unknown marks render their text, without warnings. */
  plain(): string
}

/** Both renderers for content/'s article body. */
export async function bodyRenderers(): Promise<BodyRenderers> {
  const documents = await readDocuments()
  const index = indexContent(documents)
  const article = documents.find((d): d is Article => d._type === 'article')
  if (article === undefined) throw new Error('content/ has no article to render')
  const page = articlePage(article)
  return {
    article,
    ours: () =>
      portableTextToHtml(article.body, {
        index,
        documentId: article._id,
        page,
        quotesPage: articleQuotesPage(article),
        ids: new PageIds(),
        links: new NestedLinks(),
        mentions: new FirstMentions(),
        outline: { level: 1 },
      }),
    plain: () => toHTML(article.body, { onMissingComponent: false }),
  }
}

/** Milliseconds per call of `render`, over `times` calls. */
function msPerRender(render: () => string, times: number): number {
  let bytes = 0
  const started = performance.now()
  for (let i = 0; i < times; i++) bytes += render().length
  const ms = (performance.now() - started) / times
  // Use the output, so no engine can skip the work.
  if (bytes === 0) throw new Error('a renderer returned nothing')
  return ms
}

/** Paragraph-level elements in `html`: what one Portable Text block (or list item) renders as. */
export function blockElements(html: string): number {
  return html.match(/<(?:p|h[1-6]|li|figure)[\s>]/g)?.length ?? 0
}

/** The comparison with plain toHTML. */
export const renderVsToHtml: Suite = {
  name: 'render',
  async run(context: BenchContext): Promise<SuiteResult> {
    const renderers = await bodyRenderers()
    const { ours, plain } = renderers
    const warmUp = Math.max(2, Math.ceil(context.rounds / 5))
    const oursMs: number[] = []
    const plainMs: number[] = []
    const ratios: number[] = []
    for (let round = -warmUp; round < context.rounds; round++) {
      // Alternate which goes first, so neither always runs on a warmer heap.
      const oursFirst = round % 2 !== 0
      const early = msPerRender(oursFirst ? ours : plain, context.renders)
      const late = msPerRender(oursFirst ? plain : ours, context.renders)
      const [o, p] = oursFirst ? [early, late] : [late, early]
      if (round < 0) continue
      oursMs.push(o)
      plainMs.push(p)
      ratios.push(o / p)
    }
    const time = median(ratios)
    const blocks = renderers.article.body.length
    return {
      name: this.name,
      title: `Render the article body (${blocks} blocks) to HTML: ours vs plain toHTML, ${context.renders.toLocaleString('en')} renders a round, ${medianOf(context.rounds, 'rounds')}`,
      measurements: [
        { label: 'plain toHTML, default components, per body', seconds: median(plainMs) / 1000 },
        { label: 'ours (portableTextToHtml), per body', seconds: median(oursMs) / 1000 },
      ],
      figures: [
        figure('speed, ours / plain (plain time ÷ our time)', 1 / time, '×', { min: MIN_SPEED }),
        figure('time, ours / plain', time, '×'),
      ],
      notes: [
        `target: ours at ${MIN_SPEED}× plain's speed or better, i.e. at most ${(1 / MIN_SPEED).toFixed(2)}× its time per body`,
        `ratios are the median of per-round ratios (each round times both, back to back), after ${warmUp} warm-up rounds`,
        `block elements per body: ours ${blockElements(ours())}, plain ${blockElements(plain())}`,
      ],
    }
  },
}
