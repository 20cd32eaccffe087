import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core rule sets: WCAG 2.0, 2.1 and 2.2 A and AA (2.2 adds target size; axe has no `wcag22a` rule), and its best
 * practices (heading order, landmarks, …).
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * What axe-core finds on the page as it is now, with every rule of AXE_TAGS but `skipRules`, inside the elements
 * `include` selects (the whole page when absent); each finding as "label: rule (help) at targets". The page must
 * allow inline scripts (a context opened with `bypassCSP`), as axe is injected as one.
 */
export async function axeViolations(
  page: Page,
  label: string,
  { include, skipRules = [] }: { include?: string; skipRules?: string[] } = {},
): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const rules = Object.fromEntries(skipRules.map((rule) => [rule, { enabled: false }]));
  const found = await page.evaluate(
    async ({ tags, rules, include }) =>
      (
        await (
          window as unknown as {
            axe: { run(context: object, options: object): Promise<{ violations: Violation[] }> };
          }
        ).axe.run(include ? { include: [[include]] } : document, { runOnly: { type: "tag", values: tags }, rules })
      ).violations,
    { tags: AXE_TAGS, rules, include },
  );
  return found.map(
    (violation) =>
      `${label}: ${violation.id} (${violation.help}) at ` +
      `${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}
