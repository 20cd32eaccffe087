import type { Author } from "../../src/content/schema.ts";
import { rawHtml } from "../../src/render/rawHtml.ts";

/** The box about a writer at the foot of their article. */
export function AuthorBio({ author }: { author: Author }) {
  return (
    <aside class="author-bio" aria-label={`About ${author.name}`}>
      {author.photo ? (
        <img
          class="author-bio__photo"
          src={author.photo.src}
          alt={author.photo.alt}
          width="96"
          height="96"
          loading="lazy"
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
