/** HTML that jsx-async-runtime writes out unescaped: its documented `{ html }` opt-out. */
export interface RawHtml {
  html: string;
}

/**
 * The one way raw HTML enters a page: Markdown rendered by our markdown-it instance (raw HTML off) and
 * JSON-LD serialised by `jsonForScript`. Everything else in a layout is escaped by the JSX runtime.
 */
export function rawHtml(html: string): RawHtml {
  return { html };
}
