import type { Newsroom } from "../../src/content/schema.ts";
import { route } from "../../src/site/routes.ts";
import { SignupForm } from "./SignupForm.tsx";

/** The newsletter's sign-up form (when the publication has one), publication name, tagline and the way around. */
export function SiteFooter({ newsroom, withSignup = true }: { newsroom: Newsroom; withSignup?: boolean }) {
  const { publication } = newsroom;
  return (
    <footer class="site-footer">
      {withSignup ? <SignupForm publication={publication} place="footer" /> : null}
      <p class="site-footer__name">{publication.name}</p>
      {publication.tagline ? <p>{publication.tagline}</p> : null}
      <nav aria-label="Site">
        <ul class="site-footer__links">
          <li>
            <a href={route.home}>Latest news</a>
          </li>
          <li>
            <a href={route.topics}>Topics</a>
          </li>
          <li>
            <a href={route.authors}>Authors</a>
          </li>
          <li>
            <a href={route.archive}>Archive</a>
          </li>
          <li>
            <a href={route.newsletter}>Newsletter</a>
          </li>
          <li>
            <a href={route.search}>Search</a>
          </li>
          <li>
            <a href={route.corrections}>Corrections</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
