import type { Author } from "../../src/content/schema.ts";
import { rawHtml } from "../../src/render/rawHtml.ts";
import { ResponsivePicture } from "./ResponsivePicture.tsx";

/** The box about a writer at the foot of their article. */
export function AuthorBio({ author }: { author: Author }) {
  return (
    <aside class="author-bio" aria-label={`About ${author.name}`}>
      {author.photo ? (
        <ResponsivePicture
          picture={author.photo}
          place="portrait"
          class="author-bio__photo"
          loading="lazy"
          sizes="(max-width: 40rem) 3.5rem, 4.5rem"
        />
      ) : null}
      <div>
        <p class="author-bio__name">
          <a href={author.url}>{author.name}</a>
          {author.role ? <span class="author-bio__role">{author.role}</span> : null}
        </p>
        <div class="author-bio__text">{rawHtml(author.bioHtml)}</div>
      </div>
    </aside>
  );
}
