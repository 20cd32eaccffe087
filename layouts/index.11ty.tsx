import type { Newsroom } from "../src/content/schema.ts";
import { ArticleCard } from "./components/ArticleCard.tsx";
import { Page } from "./components/Page.tsx";

/** The home page at /. */
export const data = { permalink: "/" };

/** The latest stories, newest first. */
export function render({ newsroom }: { newsroom: Newsroom }) {
  const { publication } = newsroom;
  return (
    <Page newsroom={newsroom} title={publication.name} description={publication.tagline}>
      <h1 class="visually-hidden">{publication.name}: latest news</h1>
      <section class="latest" aria-labelledby="latest-heading">
        <h2 id="latest-heading" class="section-heading">
          Latest
        </h2>
        <div class="card-list">
          {newsroom.articles.slice(0, 20).map((article) => (
            <ArticleCard article={article} newsroom={newsroom} />
          ))}
        </div>
      </section>
    </Page>
  );
}
