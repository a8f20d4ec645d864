/**
 * The word lists the finder's rules read. Kept as tables, so that a new title, speech verb or
 * channel phrase is a line here rather than a new branch in the rules.
 */

/** Verbs that report speech; a quote's speaker is their subject (`X said`) or follows them (`said X`). */
export const SPEECH_VERBS: readonly string[] = [
  'said',
  'says',
  'added',
  'adds',
  'told',
  'tells',
  'stated',
  'explained',
  'insisted',
  'warned',
  'argued',
  'noted',
  'wrote',
  'asked',
  'replied',
  'continued',
  'declared',
  'announced',
  'accused',
  'accusing',
  'claimed',
  'admitted',
  'acknowledged',
  'conceded',
  'stressed',
  'maintained',
  'complained',
  'urged',
  'called',
  'described',
  'calling',
  'adding',
  'saying',
]

/** Words that end a title before a name ("Russian Deputy Foreign Minister", "Mayor", "Defence lawyer"). */
export const OFFICES: readonly string[] = [
  'Secretary of State',
  'Secretary',
  'Minister',
  'President',
  'Vice President',
  'Prime Minister',
  'Chancellor',
  'Mayor',
  'Councillor',
  'Councilman',
  'Councilwoman',
  'Governor',
  'Senator',
  'Judge',
  'Justice',
  'Prosecutor',
  'Ambassador',
  'Commissioner',
  'Chairman',
  'Chairwoman',
  'Chair',
  'General',
  'Director',
  'King',
  'Queen',
  'Pope',
  'lawyer',
  'attorney',
  'prosecutor',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chief',
  'minister',
]

/** Lower-case words that may stand inside a title ("Defence lawyer", "Trade minister"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  OFFICES.filter((o) => o === o.toLowerCase()).concat([
    'of',
    'deputy',
    'former',
    'foreign',
    'state',
  ]),
)

/** Words that open a sentence with a capital but are not part of a name. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    'The A An And But Or If In On At As By For From To Of With After Before Earlier Later However Under ' +
    'Speaking Meanwhile While When Where Who Which That This These Those It Its He She They We I You Our ' +
    'His Her Their Both Every Each Some No Not Mr Mrs Ms Dr Former Also Then Since During Monday Tuesday ' +
    'Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December'
  ).split(' '),
)

/** Institutions named by a fixed name (matched as whole words, case as written). */
export const INSTITUTIONS: readonly string[] = [
  'Pentagon',
  'Kremlin',
  'White House',
  'State Department',
  'U.N.',
  'UN',
  'United Nations',
  'NATO',
  'European Union',
  'EU',
  'G7',
  'G20',
  'IMF',
  'World Bank',
  'Reuters',
  'TASS',
  'Interfax',
  'RIA Novosti',
]

/** Head nouns of an organization written after a proper name ("Kessling District Court"). */
export const ORGANIZATION_HEADS: readonly string[] = [
  'Council',
  'Court',
  'Ministry',
  'Department',
  'Commission',
  'Committee',
  'Agency',
  'Authority',
  'Police',
  'Party',
  'Bank',
  'University',
  'Association',
  'Organization',
  'Organisation',
  'Corporation',
  'Institute',
  'Chamber of Commerce',
  'Parliament',
  'Senate',
]

/**
 * Lower-case organization nouns after a proper adjective or name ("Russian foreign ministry",
 * "German delegation", "Russian news agencies", "Harbourton city council").
 */
export const ORGANIZATION_NOUNS: readonly string[] = [
  'foreign ministry',
  'defence ministry',
  'defense ministry',
  'economy ministry',
  'finance ministry',
  'ministry',
  'delegation',
  'news agencies',
  'news agency',
  'city council',
  'government',
  'embassy',
  'parliament',
]

/** Phrases before a quotation mark that make the quoted words a name, not a quote. */
export const NAMING_BEFORE =
  /\b(?:calls?|called|dubs?|dubbed|terms?|termed|so-called|known as|named|billed as|branded|brands?)(?!\s+for\b)(?:\s+[\p{L}'’-]+){0,3}\s*$/iu

/** Personal pronouns that refer back to the last named speaker. */
export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they'])

/**
 * How words reached the reporter, as patterns on the attribution clause: `via` is the match;
 * a `channel` group names the organization that carried them.
 */
export const CHANNELS: readonly RegExp[] = [
  /\baccording to (?<channel>(?:the |a |an )?[^,.;]+)/u,
  /(?<channel>(?:the )?[\p{Lu}][^,.;]*?) (?:news agency |newspaper )?reported\b/u,
  /(?<channel>(?:the )?[\p{L}][^,.;]*? news agenc(?:y|ies)) reported\b/u,
  /\btold (?:reporters|journalists|a news conference|a press conference|a briefing)\b/u,
  /\bin (?:a|an|his|her|their|its) (?:statement|interview|post|letter)\b/u,
  /\b(?:wrote|said|posted) on (?:social media|[\p{Lu}][\p{L}]+)\b/u,
  /\bin remarks [^;]*?(?=(?:, according to|[.;]|$))/u,
]

/** Events a sentence names as where the words were said ("told a news conference"). */
export const OCCASIONS: readonly RegExp[] = [
  /\bspeaking (?:at|to) (?<occasion>(?:a|an|the) (?:[^,.;]|\.(?!\s+\p{Lu}|$))+?)(?=[,;]|\.(?:\s+\p{Lu}|$)|$)/u,
  /\btold (?<occasion>(?:a|the) (?:news conference|press conference|meeting|summit|briefing|hearing|court))\b/u,
  /\baddress at (?<occasion>the [^,.;]+)/u,
  /\btold reporters (?<occasion>at the end of the [\p{L}]+)/u,
]
