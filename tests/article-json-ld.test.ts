import { renderArticle, renderArticleJsonLd, UnknownArticleError } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { contentDocuments, jsonLdOf, Page } from './fixtures/render/html.js'

describe('renderArticleJsonLd', () => {
  it("returns the structured data the article's page on the site embeds", () => {
    const documents = contentDocuments()
    const article = documents.find((d) => d._type === 'article')
    if (article?._type !== 'article') throw new Error('content/ has no article')
    const path = `articles/${article.slug.current}/index.html`
    const page = new Page(path, renderArticle(documents, article._id, 'html'))
    const jsonLd = renderArticleJsonLd(documents, article._id)
    expect(jsonLdOf(page)).toEqual([jsonLd])
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: article.headline })
  })

  it('throws an UnknownArticleError when no article has the id', () => {
    expect(() => renderArticleJsonLd(contentDocuments(), 'article-nope')).toThrow(
      UnknownArticleError,
    )
  })
})
