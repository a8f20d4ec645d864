/**
 * Where each page of the site lives, as a posix path from the site root. Slugs were checked when
 * the content was indexed (lower-case words and hyphens), so they are safe as folder names.
 */
import { DOCUMENT_TYPE_REGISTRY } from '../document-types.js'
import type { Article, Organization, Person } from '../generated/types.js'
import { hrefFrom, type LinkOrigin } from './url.js'

/** The home page: the list of articles and people. */
export const HOME_PAGE = 'index.html'

/** The index of the people the stories name: the folder `/people/` serves it. */
export const PEOPLE_INDEX_PAGE = 'people/index.html'

/** The index of the organizations the stories name: the folder `/organizations/` serves it. */
export const ORGANIZATIONS_INDEX_PAGE = 'organizations/index.html'

/** The index of the "who said what" pages: each article's, and the quotes placed in none. */
export const QUOTES_PAGE = 'quotes/index.html'

/** The Atom feed's path from the site root. */
export const ATOM_FEED = 'feed.atom'
/** The JSON Feed's path from the site root. */
export const JSON_FEED = 'feed.json'

/** An article's "who said what" page: the quotes it carries, grouped by speaker. */
export function articleQuotesPage(article: Article): string {
  return `quotes/${article.slug.current}/index.html`
}

/** A document of a type that has pages of its own (a registry row with `page`). */
export type PagedDocument = Article | Person | Organization

/** The page of a document: `<the registry's page folder>/<slug>/index.html`. */
export function documentPage(document: PagedDocument): string {
  return `${DOCUMENT_TYPE_REGISTRY[document._type].page}/${document.slug.current}/index.html`
}

/** The page of an article. */
export function articlePage(article: Article): string {
  return documentPage(article)
}

/** The page of a person. */
export function personPage(person: Person): string {
  return documentPage(person)
}

/** The page of an organization. */
export function organizationPage(organization: Organization): string {
  return documentPage(organization)
}

/** A link to an organization's page from the page `from`, titled with its name. */
export function organizationLink(
  from: LinkOrigin,
  organization: Organization,
): { href: string; title: string } {
  return { href: hrefFrom(from, organizationPage(organization)), title: organization.name }
}

/** A link to a person's page from the page `from`, titled with their name and role. */
export function personLink(from: LinkOrigin, person: Person): { href: string; title: string } {
  const title = person.role === undefined ? person.name : `${person.name}, ${person.role}`
  return { href: hrefFrom(from, personPage(person)), title }
}
