import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DateTime } from "luxon";
import sharp from "sharp";
import { createLexicon } from "./lexicon.ts";

/** The corpus' "now": every generated article is published before it. */
export const BENCH_NOW = "2026-11-25T12:00:00+07:00";

/** mulberry32: a small, fast, seeded PRNG, so the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOT = resolve(import.meta.dirname, "..");

/** What the benchmark generates and where. */
export interface CorpusOptions {
  dir: string;
  articles: number;
  topics?: number;
  authors?: number;
  seed?: number;
  /** Distinct pictures the articles show (default 300), so the picture cache is measured honestly; 0 for none. */
  pictures?: number;
}

/** Facts about a generated corpus, for the report. */
export interface Corpus {
  contentDir: string;
  /** A copy of the project to build in: its assets/ holds the corpus' pictures, its .cache/ their sizes. */
  projectDir: string;
  pictures: number;
  articles: number;
  topics: number;
  authors: number;
  /** The relative path of one article, for the dev-server rebuild timing. */
  sampleArticle: string;
}

/**
 * Writes a deterministic synthetic newsroom from a Zipf-ranked vocabulary (60,000 words for 10,000 articles) with
 * names and figures: articles of 120–4,000 words (median about 600) with headings, lists, links and blockquotes,
 * ~120 topics, ~30 authors, 2–5 related links each, images on most, dates over five years.
 */
export async function generateCorpus(options: CorpusOptions): Promise<Corpus> {
  const random = seededRandom(options.seed ?? 2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  // Its own sequence, so the pictures drawn below stay the same whatever the words.
  // The vocabulary grows with the archive as Heaps' law has it (about 600 √articles, at least 24,000 words), so
  // the rarest words stay in a handful of stories.
  const lexicon = createLexicon(
    seededRandom((options.seed ?? 2026) + 1),
    Math.max(24_000, Math.round(600 * Math.sqrt(options.articles))),
  );
  const sentence = lexicon.sentence;
  // A headline of 6 to 12 words, cut at a word to stay under the 100 characters the check warns about.
  const headline = () => {
    const text = sentence(between(6, 12)).slice(0, -1);
    return text.length <= 95 ? text : text.slice(0, 96).replace(/\s\S*$/, "");
  };
  // Lengths as an archive has them: most stories 300 to 1,200 words, a few briefs and a few long reads.
  const storyLength = () => {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.min(4000, Math.max(120, Math.round(Math.exp(Math.log(600) + 0.6 * normal))));
  };
  const topicCount = options.topics ?? 120;
  const authorCount = options.authors ?? 30;
  const contentDir = join(options.dir, "content");
  rmSync(options.dir, { recursive: true, force: true });
  const projectDir = projectCopy(join(options.dir, "project"));
  const pictureCount = options.pictures ?? 300;
  const pictures = await drawPictures(join(projectDir, "assets/img/bench"), pictureCount, random);
  mkdirSync(join(contentDir, "authors"), { recursive: true });
  mkdirSync(join(contentDir, "topics"), { recursive: true });
  writeFileSync(
    join(contentDir, "publication.ts"),
    `export default { name: "Benchmark Ledger", baseUrl: "https://bench.example", timeZone: "Asia/Bangkok", ` +
      `language: "en", locale: "en-GB" };\n`,
  );

  const topics = Array.from({ length: topicCount }, (_, index) =>
    `${lexicon.commonWord()} ${lexicon.commonWord()} ${index}`.replace(/^./, (first) => first.toUpperCase()),
  );
  topics.slice(0, Math.floor(topicCount / 3)).forEach((name) => {
    const slug = name.toLowerCase().replace(/\s+/g, "-");
    writeFileSync(join(contentDir, "topics", `${slug}.md`), `---\nname: ${name}\ndescription: ${sentence(14)}\n---\n`);
  });
  const authors = Array.from({ length: authorCount }, (_, index) => `writer-${index + 1}`);
  authors.forEach((key, index) => {
    writeFileSync(
      join(contentDir, "authors", `${key}.md`),
      `---\nname: Writer ${index + 1}\nrole: Correspondent\nphoto: { src: /assets/img/authors/nara-chaiyaporn.jpg, ` +
        `alt: "Portrait of Writer ${index + 1}" }\n---\n${sentence(30)}\n`,
    );
  });

  const end = DateTime.fromISO(BENCH_NOW).minus({ days: 1 });
  const slugs: string[] = [];
  let sampleArticle = "";
  for (let index = 0; index < options.articles; index++) {
    const date = end.minus({
      minutes: Math.floor(((options.articles - index) / options.articles) * 5 * 365 * 24 * 60),
    });
    const slug = `story-${index + 1}-${lexicon.word()}-${lexicon.commonWord()}`;
    const related: string[] = [];
    for (let link = between(2, 5); link > 0; link--) {
      related.push(
        slugs.length > 0 && random() < 0.7
          ? `  - ${pick(slugs)}`
          : `  - { title: "${sentence(5).slice(0, -1)}", url: "https://example.org/${lexicon.commonWord()}/${index}" }`,
      );
    }
    const tags = [...new Set(Array.from({ length: between(1, 3) }, () => pick(topics)))];
    const target = storyLength();
    const body: string[] = [];
    let words = 0;
    while (words < target) {
      const kind = random();
      if (kind < 0.08) body.push(`## ${sentence(between(3, 6)).slice(0, -1)}`);
      else if (kind < 0.14)
        body.push(Array.from({ length: between(2, 4) }, () => `- ${sentence(between(5, 10))}`).join("\n"));
      else if (kind < 0.18) body.push(`> ${sentence(between(12, 25))}`);
      else {
        const paragraph = Array.from({ length: between(2, 4) }, () => sentence(between(10, 20)));
        if (slugs.length > 0 && random() < 0.3) paragraph.push(`See [our earlier story](/news/${pick(slugs)}/).`);
        if (random() < 0.2) paragraph.push(`Read [the report](https://example.com/${lexicon.commonWord()}).`);
        body.push(paragraph.join(" "));
      }
      words += (body.at(-1) ?? "").split(" ").length;
    }
    const image =
      random() < 0.8 && pictures.length > 0
        ? `image: { src: /assets/img/bench/${pick(pictures)}, alt: "${sentence(6).slice(0, -1)}", caption: ` +
          `"${sentence(8)}", credit: "Bench" }\n`
        : "";
    const frontMatter =
      `---\ntitle: "${headline()}"\ndek: "${sentence(between(14, 24))}"\ndate: ` +
      `${date.toISO({ suppressMilliseconds: true })}\n` +
      `author: ${pick(authors)}\ntags: [${tags.join(", ")}]\nsource: "Bench ` +
      `wire"\nrelated:\n${related.join("\n")}\n${image}---\n`;
    const path = join("news", String(date.year), `${slug}.md`);
    mkdirSync(join(contentDir, "news", String(date.year)), { recursive: true });
    writeFileSync(join(contentDir, path), `${frontMatter}\n${body.join("\n\n")}\n`);
    slugs.push(slug);
    if (index === Math.floor(options.articles / 2)) sampleArticle = path;
  }
  return {
    contentDir,
    projectDir,
    pictures: pictureCount,
    articles: options.articles,
    topics: topicCount,
    authors: authorCount,
    sampleArticle,
  };
}

/**
 * A copy of the project to run the commands in: code and packages linked, layouts and assets copied (tsx applies
 * tsconfig.json only to files inside the project it runs in).
 */
function projectCopy(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of [".eleventy.ts", "tsconfig.json", "package.json", "src", "node_modules"])
    symlinkSync(join(ROOT, name), join(dir, name));
  for (const name of ["layouts", "assets"]) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  return dir;
}

/**
 * Draws `count` distinct pictures, as a picture desk would hand them over: JPEGs 1200 to 2400 pixels wide, most
 * 16:9, some 3:2 or 4:3, of shapes in random colours (so every file and every size made from it differs).
 */
async function drawPictures(dir: string, count: number, random: () => number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const colour = () =>
    `hsl(${Math.floor(random() * 360)}, ${40 + Math.floor(random() * 40)}%, ${30 + Math.floor(random() * 40)}%)`;
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    const width = 1200 + 200 * Math.floor(random() * 7);
    const aspect = [16 / 9, 16 / 9, 3 / 2, 4 / 3][Math.floor(random() * 4)] ?? 16 / 9;
    const height = Math.round(width / aspect);
    const shapes = Array.from({ length: 12 }, () => {
      const [x, y, r] = [random() * width, random() * height, 40 + random() * height * 0.4];
      return random() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour()}" opacity="0.8"/>`
        : `<rect x="${x - r}" y="${y - r / 2}" width="${r * 2}" height="${r}" fill="${colour()}" opacity="0.8"/>`;
    }).join("");
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<defs><linearGradient id="g" x2="0" y2="1"><stop offset="0" stop-color="${colour()}"/>` +
      `<stop offset="1" stop-color="${colour()}"/></linearGradient></defs>` +
      `<rect width="${width}" height="${height}" fill="url(#g)"/>${shapes}</svg>`;
    const name = `picture-${index + 1}.jpg`;
    await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toFile(join(dir, name));
    names.push(name);
  }
  return names;
}
