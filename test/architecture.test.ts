import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";

/**
 * The floors of src/, ground first (docs/architecture.md draws them): a folder imports only from folders on lower
 * floors, never from its own floor's other folders or from above. Layouts and `.eleventy.ts` stand on top of them all.
 */
const FLOORS: string[][] = [
  ["site", "dates", "render", "history", "eleventy", "system"],
  ["markdown"],
  ["content"],
  ["collections", "images"],
  ["feeds", "seo"],
  ["newsletter"],
  ["newsroom"],
  ["search", "security"],
  ["cli"],
];

const floorOf = new Map(FLOORS.flatMap((folders, floor) => folders.map((folder) => [folder, floor] as const)));

/** Every TypeScript file under `dir`, as paths relative to the project. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => /\.tsx?$/.test(path))
    .map((path) => join(dir, path));
}

/** The project files a file imports by relative path (type-only imports included: they tie folders too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((match) =>
    normalize(join(dirname(file), match[1] ?? "")),
  );
}

const folderOf = (file: string) => relative("src", file).split("/")[0] ?? "";
const graph = new Map(
  [...sources("src"), ...sources("layouts"), ".eleventy.ts"].map((file) => [file, importsOf(file)]),
);

const floors = suite("the source folders form floors: each imports only from below, never back up or in a circle");

floors("every folder of src/ has a floor, and every import of one goes to a lower floor", () => {
  const unplaced = [...new Set(sources("src").map(folderOf))].filter((folder) => !floorOf.has(folder));
  assert.equal(unplaced, [], "a new folder needs its floor in FLOORS and in docs/architecture.md");
  const upward: string[] = [];
  for (const [file, imports] of graph) {
    if (!file.startsWith("src/")) continue;
    const from = folderOf(file);
    for (const target of imports.filter((path) => path.startsWith("src/") && folderOf(path) !== from)) {
      const to = folderOf(target);
      if ((floorOf.get(to) ?? Number.POSITIVE_INFINITY) >= (floorOf.get(from) ?? 0)) upward.push(`${file} → ${target}`);
    }
  }
  assert.equal(upward, []);
});

floors("no file imports itself back through others", () => {
  const circles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      circles.push([...path.slice(path.indexOf(file)), file].join(" → "));
      return;
    }
    state.set(file, "open");
    for (const target of graph.get(file) ?? []) if (graph.has(target)) visit(target, [...path, file]);
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file, []);
  assert.equal(circles, []);
});

floors("the build's code never imports tests, the benchmark or test support", () => {
  const reaching = [...graph].flatMap(([file, imports]) =>
    imports.filter((target) => /^(test|bench|support)\//.test(target)).map((target) => `${file} → ${target}`),
  );
  assert.equal(reaching, []);
});

floors("test support, which the benchmark uses too, never imports tests or the benchmark", () => {
  const reaching = sources("support").flatMap((file) =>
    importsOf(file)
      .filter((target) => /^(test|bench)\//.test(target))
      .map((target) => `${file} → ${target}`),
  );
  assert.equal(reaching, []);
});

floors.run();

const width = suite("code lines are at most 120 characters");

width("no line of the TypeScript in src/, layouts/, test/, bench/ or support/ is longer", () => {
  const folders = ["src", "layouts", "test", "bench", "support"].filter((folder) => {
    try {
      return readdirSync(folder).length > 0;
    } catch {
      return false;
    }
  });
  const long = [...folders.flatMap(sources), ".eleventy.ts"]
    .filter((file) => !file.startsWith("test/fixtures/"))
    .flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => (line.length > 120 ? [`${file}:${index + 1} (${line.length})`] : [])),
    );
  assert.equal(long, []);
});

width.run();
