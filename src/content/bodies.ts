import { parseBody, type BodyLink, type MarkdownEnv } from "../markdown/markdown.ts";
import type { Problem } from "./problems.ts";
import { FileProblems, type SourceFile } from "./sources.ts";

/** Reports each link or image in a body whose address could run code (see isUnsafeUrl) as an error on its line. */
export function reportUnsafeLinks(file: SourceFile, unsafeLinks: BodyLink[], problems: Problem[]): void {
  const report = new FileProblems(file, problems);
  for (const link of unsafeLinks) {
    const scheme = link.href.replace(/[\u0000-\u0020]/g, "").split(":")[0]?.toLowerCase() ?? "";
    report.at("error", file.parsed.bodyLine + link.line, "body", `the link address \`${link.href.slice(0, 60)}\` uses ${scheme}:, which could run code in a reader's browser: link to an https:// address or a page of the site`);
  }
}

/** An author's bio or a topic's introduction rendered to HTML, reporting dangerous link addresses in it. */
export function renderCheckedBody(file: SourceFile, env: MarkdownEnv, problems: Problem[]): string {
  const body = parseBody(file.parsed.body, env);
  reportUnsafeLinks(file, body.unsafeLinks, problems);
  return body.html;
}
