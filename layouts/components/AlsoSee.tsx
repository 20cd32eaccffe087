import type { RelatedLink } from "../../src/content/schema.ts";
import { EXTERNAL_REL } from "../../src/markdown/markdown.ts";

/** The "ALSO SEE" list after the story: internal headlines resolved at build time, external links marked. */
export function AlsoSee({ links }: { links: RelatedLink[] }) {
  if (links.length === 0) return null;
  return (
    <section class="also-see also-see--list" aria-labelledby="also-see-heading">
      <h2 id="also-see-heading" class="also-see__label">
        Also see
      </h2>
      <ul>
        {links.map((link) => (
          <li>
            {link.external ? (
              <a href={link.url} rel={EXTERNAL_REL}>
                {link.title}
                <span class="external-mark"> (external site)</span>
              </a>
            ) : (
              <a href={link.url}>{link.title}</a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
