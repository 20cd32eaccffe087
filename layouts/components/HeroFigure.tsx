import type { HeroImage } from "../../src/content/schema.ts";
import { isResized, renditionsFor } from "../../src/images/renditions.ts";
import { ResponsivePicture } from "./ResponsivePicture.tsx";

/**
 * Pagefind's thumbnail for a search result (shown at 160 × 90): the card's smallest JPEG, not the hero's fallback.
 * A value written out takes the whole attribute, so it goes on the figure and the alt text on the img.
 * https://pagefind.app/docs/metadata/
 */
function searchThumbnail(image: HeroImage): { figure?: string; img: string } {
  if (!isResized(image)) return { img: "image[src], image_alt[alt]" };
  const [smallest] = renditionsFor(image, "card").filter((rendition) => rendition.format === "jpeg");
  return { figure: `image:${smallest?.url ?? image.src}`, img: "image_alt[alt]" };
}

/** The article's lead picture with its caption and credit: the page's largest picture, so fetched first. */
export function HeroFigure({ image }: { image: HeroImage }) {
  const hasCaption = image.caption !== undefined || image.credit !== undefined;
  const search = searchThumbnail(image);
  return (
    <figure class="hero" data-pagefind-meta={search.figure}>
      <ResponsivePicture picture={image} place="hero" fetchpriority="high" pagefindMeta={search.img} />
      {hasCaption ? (
        <figcaption>
          {image.caption ? <span class="hero__caption">{image.caption}</span> : null}
          {image.credit ? <span class="hero__credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
