import type { Edition, Newsroom } from "../src/content/schema.ts";
import { editionText } from "../src/newsletter/email.ts";

interface EditionTextData {
  newsroom: Newsroom;
  edition: Edition;
}

/** The plain-text part of each edition's email at /newsletter/<yyyy-mm-dd>/email.txt. */
export const data = {
  pagination: { data: "newsroom.editions", size: 1, alias: "edition", addAllPagesToCollections: false },
  permalink: ({ edition }: EditionTextData) => `${edition.url}email.txt`,
  eleventyExcludeFromCollections: true,
};

export function render({ newsroom, edition }: EditionTextData): string {
  return editionText(newsroom, edition);
}
