/**
 * The site's one small stylesheet, inlined in every page. Fonts are the system's own (a serif
 * stack for the headline and the story, a sans-serif one for the masthead, labels and captions,
 * as newspapers set them); nothing is fetched. `q { quotes: none }` because the story's text
 * carries its own quotation marks. Phones get a compact masthead and smaller headline, so that
 * the headline, the standfirst and the start of the first paragraph fit on the first screen.
 */
export const STYLESHEET = `
:root {
  color-scheme: light dark;
  --ink: #161616; --paper: #fff; --muted: #595959; --rule: #d6d6d6; --tint: #f4f2ee;
  --accent: #a3001c; --link: #0a4a8f;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e4e0; --paper: #131313; --muted: #a9a9a9; --rule: #3b3b3b; --tint: #1f1f1f; --accent: #ff7a85; --link: #8cb8f5; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1.125rem/1.6 var(--serif); }
main, .masthead-inner, .footer-inner { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
.masthead-inner, .footer-inner { max-width: 64rem; }
h1, h2, h3 { line-height: 1.2; }
h1 { font-size: 2.5rem; font-weight: 700; letter-spacing: -0.01em; margin: 1.5rem 0 0.75rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
a { color: inherit; text-underline-offset: 0.15em; }
a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
q { quotes: none; }
q::before, q::after { content: none; }
.masthead { border-top: 4px solid var(--accent); border-bottom: 1px solid var(--rule); font-family: var(--sans); }
.masthead-inner { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.site-name { font: 700 1.75rem/1.1 var(--serif); letter-spacing: -0.02em; text-decoration: none; }
.masthead nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
.masthead nav a { font-size: 0.9375rem; font-weight: 600; text-decoration: none; }
.masthead nav a:hover, .site-name:hover { text-decoration: underline; }
.masthead nav a[aria-current="page"] { box-shadow: inset 0 -2px var(--accent); }
.site-footer { border-top: 1px solid var(--rule); margin-top: 3rem; padding: 1.25rem 0 2rem; font: 0.875rem/1.5 var(--sans); color: var(--muted); }
.footer-name { font: 700 1.125rem/1.2 var(--serif); color: var(--ink); margin: 0 0 0.5rem; }
.feeds { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
.date, .role, .quote-meta, .credit { color: var(--muted); }
.story-header { margin-bottom: 1.25rem; }
.standfirst { font: 1.25rem/1.45 var(--sans); color: var(--ink); margin: 0 0 1rem; }
.story-meta { font: 0.875rem/1.4 var(--sans); color: var(--muted); border-top: 1px solid var(--rule); padding-top: 0.6rem; margin: 0; }
.body p { margin: 0 0 1.1rem; }
.body a { color: var(--link); text-decoration-thickness: 1px; }
.body a:hover { text-decoration-thickness: 2px; }
.dateline { font-family: var(--sans); font-weight: 700; letter-spacing: 0.02em; }
.highlights { background: var(--tint); border-top: 3px solid var(--accent); padding: 0.75rem 1.25rem 1rem; margin: 1.5rem 0; font: 1rem/1.5 var(--sans); }
.highlights h2 { font: 700 0.8125rem/1.2 var(--sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); margin: 0 0 0.5rem; }
.highlights ul { margin: 0; padding-left: 1.1rem; list-style: square; }
.highlights li + li { margin-top: 0.35rem; }
figure.photo { margin: 1.5rem 0; }
figure.photo img { display: block; width: 100%; max-width: 100%; height: auto; }
figure.no-image { border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 0.6rem 0 0.7rem; }
.photo-label { display: block; font: 700 0.75rem/1.2 var(--sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); margin-bottom: 0.3rem; }
figcaption { font: 0.875rem/1.45 var(--sans); color: var(--muted); margin-top: 0.4rem; }
figure.no-image figcaption { margin-top: 0; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid var(--accent); font-style: italic; }
.updates { border-top: 1px solid var(--rule); margin-top: 2rem; }
.update { background: var(--tint); border-left: 3px solid var(--accent); padding: 0.5rem 1rem; margin: 0.75rem 0; font: 1rem/1.5 var(--sans); }
.update p { margin: 0.25rem 0; }
:target { outline: 2px solid Highlight; outline-offset: 2px; }
@media (max-width: 40rem) {
  body { font-size: 1.0625rem; }
  .masthead-inner { padding-top: 0.5rem; padding-bottom: 0.4rem; }
  .site-name { font-size: 1.375rem; }
  .masthead nav { width: 100%; overflow-x: auto; }
  .masthead nav ul { flex-wrap: nowrap; gap: 1rem; white-space: nowrap; }
  .masthead nav a { font-size: 0.8125rem; display: inline-block; padding: 0.2rem 0; }
  h1 { font-size: 1.75rem; line-height: 1.15; margin: 1rem 0 0.5rem; }
  .standfirst { font-size: 1.0625rem; margin-bottom: 0.6rem; }
  .story-header { margin-bottom: 0.9rem; }
}
/* Who said what, the index pages and their lists (kept together, after the rest). */
.quotes-in-story { border-top: 1px solid var(--rule); margin-top: 2rem; font-size: 0.95rem; }
.quotes-in-story h2 { font-size: 1.1rem; margin: 0.75rem 0 0.25rem; }
.quote-speaker { border-bottom: 1px solid var(--rule); }
.quote-speaker summary { cursor: pointer; padding: 0.35rem 0; }
.quote-speaker .count, .quote-source, .pagination span { color: var(--muted); font-size: 0.85rem; }
.quote-speaker ul { margin: 0 0 0.5rem; padding-left: 1.25rem; }
.quote-speaker li { margin: 0.35rem 0; }
.quote-speaker a, .quote-source a { text-decoration-color: var(--muted); text-decoration-thickness: 1px; }
.quotes-more { margin: 0.5rem 0 0; }
.quote-group { border-top: 1px solid var(--rule); margin-top: 1.5rem; }
.quote-group h2, .quote-group h3 { font-size: 1.3rem; margin: 1rem 0 0.25rem; }
.quote-group .role { margin: 0 0 0.5rem; }
.quote-list { list-style: none; padding: 0; }
.quote-list > li { margin-bottom: 1.25rem; }
.quote-list blockquote, .quote-list .quote-text { margin: 0.25rem 0; }
.quote-list blockquote p { margin: 0; }
.quote-source { margin: 0.25rem 0 0; }
mark { background: none; color: inherit; font-weight: 600; }
.label { font-size: 0.75em; font-weight: 600; letter-spacing: 0.05em; text-transform: uppercase; color: var(--muted); }
.articles { list-style: none; padding: 0; }
.articles > li { border-top: 1px solid var(--rule); padding: 0.75rem 0; }
.articles h2 { font-size: 1.25rem; margin: 0 0 0.25rem; }
.articles p { margin: 0 0 0.25rem; }
.articles .date { font-size: 0.9rem; }
.pagination { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; border-top: 1px solid var(--rule); padding-top: 0.75rem; }
`.trim()
