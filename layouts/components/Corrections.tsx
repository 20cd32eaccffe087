import type { Article } from "../../src/content/schema.ts";
import { rawHtml } from "../../src/render/rawHtml.ts";
import { TimeStamp } from "./TimeStamp.tsx";

/**
 * The article's corrections, dated, in a marked box above the story; each has an anchor the corrections page links to.
 */
export function Corrections({ article, locale }: { article: Article; locale: string }) {
  if (article.corrections.length === 0) return null;
  return (
    <aside class="corrections" id="corrections" aria-labelledby="corrections-heading">
      <h2 class="corrections__heading" id="corrections-heading">
        {article.corrections.length === 1 ? "Correction" : "Corrections"}
      </h2>
      <ul class="corrections__list">
        {article.corrections.map((correction, index) => (
          <li class="corrections__item" id={`correction-${index + 1}`}>
            <p class="corrections__date">
              <TimeStamp date={correction.date} locale={locale} dateOnly={correction.dateOnly} />
            </p>
            {rawHtml(correction.noteHtml)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
