import type { HeroImage } from "../../src/content/schema.ts";

/** The article's lead picture with its caption and credit. */
export function HeroFigure({ image }: { image: HeroImage }) {
  const hasCaption = image.caption !== undefined || image.credit !== undefined;
  return (
    <figure class="hero">
      <img
        src={image.src}
        alt={image.alt}
        width="1200"
        height="675"
        fetchpriority="high"
        data-pagefind-meta="image[src], image_alt[alt]"
      />
      {hasCaption ? (
        <figcaption>
          {image.caption ? <span class="hero__caption">{image.caption}</span> : null}
          {image.credit ? <span class="hero__credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
