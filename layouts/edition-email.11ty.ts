import type { Edition, Newsroom } from "../src/content/schema.ts";
import { inlineEmailCss } from "../src/newsletter/email.ts";
import { renderDocument } from "../src/render/jsxPlugin.ts";
import { EditionEmail } from "./components/EditionEmail.tsx";

interface EditionEmailData {
  newsroom: Newsroom;
  edition: Edition;
}

/** The email version of each edition at /newsletter/<yyyy-mm-dd>/email.html, for the email service to send. */
export const data = {
  pagination: { data: "newsroom.editions", size: 1, alias: "edition", addAllPagesToCollections: false },
  permalink: ({ edition }: EditionEmailData) => `${edition.url}email.html`,
  eleventyExcludeFromCollections: true,
};

/** The email's TSX rendered (escaped by the runtime), then its stylesheet inlined. */
export async function render({ newsroom, edition }: EditionEmailData): Promise<string> {
  return inlineEmailCss(await renderDocument(EditionEmail({ newsroom, edition })));
}
