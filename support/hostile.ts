import { articleFile, validFields } from "./content.ts";

/**
 * Inputs built to make a loader stall: the unit tests check what the build says about each, and the benchmark
 * times it against `targetSeconds` (a timing belongs in the benchmark, not in a unit test).
 */
export interface HostileInput {
  name: string;
  /** The content files besides the publication and its one author. */
  files: Record<string, string>;
  /** What loading them may take on the benchmark's machine. */
  targetSeconds: number;
}

/** Nested YAML aliases that would expand to 9^8 values if the parser followed them. */
export function billionLaughs(): HostileInput {
  const laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  const names = ["a", "b", "c", "d", "e", "f", "g", "h"];
  for (const [index, name] of names.entries()) {
    if (index > 0)
      laughs.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${names[index - 1]}`)
          .join(", ")}]`,
      );
  }
  return {
    name: "nested YAML aliases (billion laughs)",
    files: {
      "news/2024/a.md": articleFile(`${validFields.replace("tags: [China Bond]", laughs.join("\n"))}\ntags: *h`),
    },
    targetSeconds: 2,
  };
}

/** 5,000 unknown front-matter fields. */
export function manyFields(): HostileInput {
  const fields = Array.from({ length: 5000 }, (_, index) => `field${index}: x`).join("\n");
  return {
    name: "5,000 unknown fields",
    files: { "news/2024/a.md": articleFile(`${validFields}\n${fields}`) },
    targetSeconds: 5,
  };
}

/** A body of 90,000 headings. */
export function manyHeadings(): HostileInput {
  return {
    name: "90,000 headings",
    files: { "news/2024/a.md": articleFile(validFields, "## Again\n\n".repeat(90_000)) },
    targetSeconds: 5,
  };
}

/** A valid article just under the 1 MB limit for one content file. */
export function longArticle(): HostileInput {
  const paragraph = `${"The port authority said volumes rose again. ".repeat(20)}\n\n`;
  return {
    name: "a 900 KB article",
    files: {
      "news/2024/long.md": articleFile(validFields, paragraph.repeat(Math.floor(900_000 / paragraph.length))),
    },
    targetSeconds: 10,
  };
}

export const hostileInputs = (): HostileInput[] => [billionLaughs(), manyFields(), manyHeadings(), longArticle()];
