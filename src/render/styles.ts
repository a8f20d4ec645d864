/**
 * The site's one small stylesheet, inlined in every page: system fonts only, nothing fetched.
 * `q { quotes: none }` because the story's text carries its own quotation marks.
 */
export const STYLESHEET = `
:root { color-scheme: light dark; --muted: #555; --rule: #ccc; }
@media (prefers-color-scheme: dark) { :root { --muted: #aaa; --rule: #444; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 44rem; padding: 1rem; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 2rem; margin: 0.25rem 0 0.75rem; }
a { color: inherit; text-underline-offset: 0.15em; }
a.person { text-decoration-style: dotted; }
q { quotes: none; }
q::before, q::after { content: none; }
nav ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.site-header { border-bottom: 1px solid var(--rule); margin-bottom: 1rem; padding-bottom: 0.5rem; }
.date, .role, .quote-meta, .credit { color: var(--muted); }
.standfirst { font-size: 1.2rem; }
.dateline { font-weight: 700; }
figure.photo { margin: 1.25rem 0; }
figure.photo img { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.4rem; }
.highlights { border-left: 3px solid var(--rule); padding: 0.25rem 0 0.25rem 0.75rem; margin: 1.25rem 0; }
.highlights ul { margin: 0; padding-left: 1.25rem; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
:target { outline: 2px solid Highlight; outline-offset: 2px; }
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
