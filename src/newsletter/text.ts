import { markdown } from "../markdown/markdown.ts";

type Token = ReturnType<typeof markdown.parse>[number];

/** The longest preheader: inbox previews show about this much after the subject. */
export const PREHEADER_LENGTH = 100;

/** How a link is written in plain text. */
export interface PlainTextOptions {
  /** The absolute URL relative links are resolved against: the edition's web page. */
  pageUrl: string;
  /** Write each link's absolute URL after its text, "text (url)"; off for previews, where URLs are noise. */
  linkUrls: boolean;
}

function inlineText(tokens: Token[], options: PlainTextOptions): string {
  let text = "";
  let link: { href: string; start: number } | undefined;
  for (const token of tokens) {
    if (token.type === "text" || token.type === "code_inline") text += token.content;
    else if (token.type === "softbreak") text += " ";
    else if (token.type === "hardbreak") text += "\n";
    else if (token.type === "image") text += token.content;
    else if (token.type === "link_open") link = { href: String(token.attrGet("href") ?? ""), start: text.length };
    else if (token.type === "link_close" && link) {
      // Heading anchors (markdown-it-anchor) link a heading to itself: no URL to give in plain text.
      const url = link.href.startsWith("#") ? "" : new URL(link.href, options.pageUrl).href;
      if (options.linkUrls && url && text.slice(link.start) !== url) text += ` (${url})`;
      link = undefined;
    }
  }
  return text;
}

/**
 * Markdown as plain text for the email's text part: paragraphs and list items separated by blank lines, links as "text
 * (url)".
 */
export function markdownText(source: string, options: PlainTextOptions): string {
  const blocks: string[] = [];
  let bullet = "";
  for (const token of markdown.parse(source, {})) {
    if (token.type === "list_item_open") bullet = token.info ? `${token.info}. ` : "- ";
    else if (token.type === "inline") {
      blocks.push(bullet + inlineText(token.children ?? [], options));
      bullet = "";
    } else if (token.type === "fence" || token.type === "code_block") blocks.push(token.content.trimEnd());
  }
  return blocks.filter((block) => block.trim() !== "").join("\n\n");
}

/** The inbox preview line: the text on one line, cut at a word to at most PREHEADER_LENGTH characters with "…". */
export function preheader(text: string, length = PREHEADER_LENGTH): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= length) return line;
  const cut = line.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut.slice(0, length - 1)).replace(/[\s,;:.–—-]+$/, "")}…`;
}
