import { MAX_HEADINGS, type MarkdownEnv, type ParsedBody, parseBody } from "../markdown/markdown.ts";
import type { Problem } from "./problems.ts";
import { FileProblems, type SourceFile } from "./sources.ts";

/**
 * Reports what a body may not hold: links or images whose address could run code (see isUnsafeUrl), each on its line,
 * and too many headings.
 */
export function reportBodyProblems(file: SourceFile, body: ParsedBody, problems: Problem[]): void {
  const report = new FileProblems(file, problems);
  if (body.tooManyHeadings !== undefined) {
    report.at(
      "error",
      file.parsed.bodyLine,
      "body",
      `has ${body.tooManyHeadings} headings; a body may have at most ${MAX_HEADINGS}: split the story, or use lists ` +
        `for what is not a section`,
    );
  }
  for (const link of body.unsafeLinks)
    report.at("error", file.parsed.bodyLine + link.line, "body", unsafeLinkMessage(link.href));
}

function unsafeLinkMessage(href: string): string {
  const scheme =
    href
      .replace(/[\u0000-\u0020]/g, "")
      .split(":")[0]
      ?.toLowerCase() ?? "";
  return (
    `the link address \`${href.slice(0, 60)}\` uses ${scheme}:, which could run code in a reader's browser: ` +
    `link to an https:// address or a page of the site`
  );
}

/** An author's bio or a topic's introduction rendered to HTML, reporting dangerous link addresses in it. */
export function renderCheckedBody(file: SourceFile, env: MarkdownEnv, problems: Problem[]): string {
  const body = parseBody(file.parsed.body, env);
  reportBodyProblems(file, body, problems);
  return body.html;
}

/**
 * A short Markdown note in a front-matter field (a correction, a retraction) rendered, reporting unsafe link addresses
 * against the field.
 */
export function renderNote(
  text: string,
  env: MarkdownEnv,
  report: FileProblems,
  path: (string | number)[],
  render: boolean,
): string {
  const body = parseBody(text, env, render);
  for (const link of body.unsafeLinks) report.error(path, unsafeLinkMessage(link.href));
  return body.html;
}
