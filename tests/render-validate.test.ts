/**
 * Every page of the site is valid HTML5 by html-validate's recommended rules: for the real
 * content, the fixture story, and the fixture story rewritten by someone hostile.
 */
import { HtmlValidate } from 'html-validate'
import type { ContentDocument } from 'us-russia-g20-story'
import { renderSite } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { hostileDocuments } from './fixtures/render/hostile.js'
import { contentDocuments } from './fixtures/render/html.js'
import { storyDocuments } from './fixtures/render/story.js'
import { storyWithUpdates } from './fixtures/render/updates.js'

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })

const sites: [string, () => ContentDocument[]][] = [
  ['content/', () => contentDocuments()],
  ['the fixture story', storyDocuments],
  ['the hostile fixture story', hostileDocuments],
  ['the fixture story with a correction and an update', () => storyWithUpdates()],
]

describe.each(sites)('html-validate on the site of %s', (_name, documents) => {
  const files = renderSite(documents())

  it.each(files.map((file) => [file.path, String(file.content)]))(
    '%s has no errors',
    async (path, html) => {
      const report = await validator.validateString(html, path)
      const errors = report.results.flatMap((result) =>
        result.messages
          .filter((message) => message.severity === 2)
          .map(
            (message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
          ),
      )
      expect(errors).toEqual([])
    },
  )
})
