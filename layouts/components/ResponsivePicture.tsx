import type { Picture } from "../../src/content/schema.ts";
import { isResized, type PlaceName, pictureMarkup } from "../../src/images/renditions.ts";

/** The size a picture shown as it is (from another site, an SVG, a GIF) is given for its place. */
const AS_IS_SIZE: Record<PlaceName, [number, number]> = {
  hero: [1200, 675],
  lead: [1200, 675],
  card: [320, 180],
  portrait: [160, 160],
  email: [600, 338],
  share: [1200, 675],
  share4x3: [1200, 900],
  share1x1: [1200, 1200],
};

/**
 * A picture in one of its places: a `<picture>` with AVIF and WebP sources and a JPEG (or PNG) `<img>`, each with
 * the widths made for the place and the `sizes` its CSS gives it. Only the page's largest picture is `high`
 * priority; pictures below the first screen load `lazy`.
 */
export function ResponsivePicture({
  picture,
  place,
  alt = picture.alt,
  class: className,
  loading,
  fetchpriority,
  pagefindMeta,
  sizes,
}: {
  picture: Picture;
  place: PlaceName;
  alt?: string;
  class?: string;
  loading?: "lazy";
  fetchpriority?: "high";
  pagefindMeta?: string;
  /** The width the CSS gives the picture where the place's own `sizes` is too broad (a photo in a byline box). */
  sizes?: string;
}) {
  if (!isResized(picture)) {
    const [width, height] = AS_IS_SIZE[place];
    return (
      <img
        class={className}
        src={picture.src}
        alt={alt}
        width={String(width)}
        height={String(height)}
        loading={loading}
        decoding={loading ? "async" : undefined}
        fetchpriority={fetchpriority}
        data-pagefind-meta={pagefindMeta}
      />
    );
  }
  const markup = pictureMarkup(picture, place);
  const shownAt = sizes ?? markup.sizes;
  return (
    <picture>
      {markup.sources.map((source) => (
        <source type={source.type} srcset={source.srcset} sizes={shownAt} />
      ))}
      <img
        class={className}
        src={markup.img.src}
        srcset={markup.img.srcset}
        sizes={shownAt}
        alt={alt}
        width={String(markup.img.width)}
        height={String(markup.img.height)}
        loading={loading}
        decoding={loading ? "async" : undefined}
        fetchpriority={fetchpriority}
        data-pagefind-meta={pagefindMeta}
      />
    </picture>
  );
}
