/**
 * The index pages of the people and the organizations the stories name (`people/` and
 * `organizations/`): everyone in alphabetical order, in the site's language, linked to their page,
 * a person with their role as the story gives it.
 */
import type { Organization, Person } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import type { ContentIndex } from '../content-index.js'
import { element } from '../html.js'
import { siteLanguage } from '../language.js'
import {
  ORGANIZATIONS_INDEX_PAGE,
  organizationPage,
  PEOPLE_INDEX_PAGE,
  personPage,
} from '../paths.js'
import { pageText } from '../typography.js'
import { relativeHref } from '../url.js'
import { htmlDocument } from './layout.js'

/** The HTML document of the index of people. */
export function peopleIndexHtml(index: ContentIndex, site?: SiteConfig): string {
  const page = PEOPLE_INDEX_PAGE
  return indexHtml(
    page,
    'People',
    sortedByName([...index.people.values()], site),
    site,
    (person) => {
      const link = element(
        'a',
        { href: relativeHref(page, personPage(person)) },
        pageText(person.name),
      )
      return person.role === undefined ? link : `${link}, ${pageText(person.role)}`
    },
  )
}

/** The HTML document of the index of organizations. */
export function organizationsIndexHtml(index: ContentIndex, site?: SiteConfig): string {
  const page = ORGANIZATIONS_INDEX_PAGE
  const organizations = sortedByName([...index.organizations.values()], site)
  return indexHtml(page, 'Organizations', organizations, site, (organization) =>
    element(
      'a',
      { href: relativeHref(page, organizationPage(organization)) },
      pageText(organization.name),
    ),
  )
}

function sortedByName<T extends Person | Organization>(documents: T[], site?: SiteConfig): T[] {
  const lang = siteLanguage(site)
  return documents.sort((a, b) => a.name.localeCompare(b.name, lang))
}

function indexHtml<T>(
  page: string,
  title: string,
  documents: readonly T[],
  site: SiteConfig | undefined,
  item: (document: T) => string,
): string {
  const list =
    documents.length === 0
      ? `<p>No ${title.toLowerCase()} yet.</p>`
      : `<ul class="names">\n${documents.map((document) => `<li>${item(document)}</li>`).join('\n')}\n</ul>`
  return htmlDocument({ page, title, main: `<h1>${pageText(title)}</h1>\n${list}`, site })
}
