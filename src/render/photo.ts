/**
 * Photos: the Sanity image asset reference, where its image is served from, and the `<figure>`.
 * No request leaves the page by default: the image source is a path inside the site.
 */
import type { Photo } from '../generated/types.js'
import { RenderError } from './errors.js'
import { escapeText } from './escape.js'
import { attributes, element } from './html.js'
import { typographicQuotes } from './typography.js'
import { hrefFrom, type LinkOrigin, safeHref } from './url.js'

/** A Sanity image asset, read from its reference `image-<hash>-<width>x<height>-<format>`. */
export interface ImageAsset {
  /** The asset document id, as in the reference. */
  ref: string
  hash: string
  width: number
  height: number
  /** File format, such as `jpg`, `png` or `webp`. */
  format: string
}

/**
 * Where the image of an asset is served from: an absolute http(s) URL (for example from
 * `@sanity/image-url`), or a path from the site root (`images/<hash>.jpg`), which the renderer
 * makes relative to each page.
 */
export type ImageUrlBuilder = (asset: ImageAsset, photo: Photo) => string

const ASSET_REF = /^image-([A-Za-z0-9]+)-(\d+)x(\d+)-([a-z0-9]+)$/

/** The asset of a photo, or `undefined` when it has none (or its reference is not an image's). */
export function imageAsset(photo: Photo): ImageAsset | undefined {
  const ref = photo.image?.asset?._ref
  const match = typeof ref === 'string' ? ASSET_REF.exec(ref) : null
  if (ref === undefined || match === null) return undefined
  const [, hash = '', width, height, format = ''] = match
  return { ref: ref as string, hash, width: Number(width), height: Number(height), format }
}

/** The default image location: `images/<hash>-<width>x<height>.<format>`, inside the site. */
export const localImagePath: ImageUrlBuilder = (asset) =>
  `images/${asset.hash}-${asset.width}x${asset.height}.${asset.format}`

/**
 * The `src` of an asset's image on the page `from` (absolute when `from` has a base).
 * @throws {RenderError} when the builder returns a URL that is not http(s) or a relative path.
 */
export function imageSource(
  asset: ImageAsset,
  photo: Photo,
  from: LinkOrigin,
  build: ImageUrlBuilder = localImagePath,
): string {
  const url = build(asset, photo)
  const safe = safeHref(url)
  if (safe === undefined || safe.startsWith('mailto:')) {
    throw new RenderError({
      rule: 'render/invalid-option',
      message: `The imageUrl option returned ${JSON.stringify(url)} for this photo: return an http(s) URL or a path from the site root.`,
      documentId: photo._id,
      pointer: '/image/asset/_ref',
    })
  }
  return isSiteRootPath(safe) ? hrefFrom(from, safe) : safe
}

function isSiteRootPath(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/')
}

/** How {@link figureHtml} shows a photo. */
export interface FigureOptions {
  /** Where the image is served from (default {@link localImagePath}). */
  imageUrl?: ImageUrlBuilder | undefined
  /** Typographic quotation marks in the caption and credit: for the reader's pages. */
  typographic?: boolean | undefined
}

/**
 * The photo as a `<figure>`: the `<img>` with its alt text and size when there is an asset, and a
 * `<figcaption>` with the caption and, when the photo has one, the credit. A photo without an
 * image file (`no-image`) is labelled "Photo", so that its caption still reads as the caption of
 * a photo, not as a stray paragraph of the story.
 */
export function figureHtml(photo: Photo, from: LinkOrigin, options: FigureOptions = {}): string {
  const shown = (text: string) => escapeText(options.typographic ? typographicQuotes(text) : text)
  const asset = imageAsset(photo)
  const image =
    asset === undefined
      ? '<span class="photo-label">Photo</span>'
      : `<img${attributesOfImage(asset, photo, from, options.imageUrl)}>`
  const credit =
    photo.credit === undefined ? '' : ` <small class="credit">${shown(photo.credit)}</small>`
  return element(
    'figure',
    { class: asset === undefined ? 'photo no-image' : 'photo' },
    `${image}${element('figcaption', {}, `${shown(photo.caption)}${credit}`)}`,
  )
}

function attributesOfImage(
  asset: ImageAsset,
  photo: Photo,
  from: LinkOrigin,
  build?: ImageUrlBuilder,
): string {
  return attributes({
    src: imageSource(asset, photo, from, build),
    alt: photo.alt,
    width: asset.width,
    height: asset.height,
    decoding: 'async',
  })
}
