import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import type { Newsroom } from "../content/schema.ts";
import { allRenditions, HERO_PLACES, isResized, PORTRAIT_PLACES, type Rendition } from "./renditions.ts";
import { type PictureJob, writeRenditions } from "./write.ts";

/** Where renditions are kept between builds: Eleventy's own cache folder, at the project's root. */
export const IMAGE_CACHE = join(".cache", "images");

/**
 * Every picture the site shows and the renditions it is shown in: stories' pictures and authors' photos; those whose
 * renditions are `done` (placed already, on the dev server) left out before anything else is made of them.
 */
export function pictureJobs(
  newsroom: Newsroom,
  done: (renditions: Rendition[]) => boolean = () => false,
): PictureJob[] {
  const jobs = new Map<string, PictureJob>();
  for (const article of newsroom.articles) {
    const picture = article.image;
    if (article.retraction || !isResized(picture)) continue;
    const renditions = allRenditions(picture, HERO_PLACES);
    if (!done(renditions))
      jobs.set(`${picture.src} ${article.url}`, { picture, usedBy: article.sourcePath, renditions });
  }
  for (const author of newsroom.authors) {
    const picture = author.photo;
    if (!isResized(picture)) continue;
    const renditions = allRenditions(picture, PORTRAIT_PLACES);
    if (!done(renditions)) jobs.set(author.url, { picture, usedBy: author.sourcePath, renditions });
  }
  return [...jobs.values()];
}

/**
 * Writes the renditions of every picture the site shows into the output's /img/ once the pages are written;
 * Eleventy Image makes each file once, and later builds link it from the cache. A dev-server rebuild looks only at
 * pictures whose renditions an earlier build of this process did not place in that output folder.
 */
export function imagesPlugin(eleventyConfig: EleventyConfig, newsroom: () => Promise<Newsroom>): void {
  // The renditions placed in each output folder, as the lists allRenditions gives (one list per picture and places).
  const placed = new Map<string, WeakSet<Rendition[]>>();
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const output = directories.output;
    const done = placed.get(output) ?? new WeakSet<Rendition[]>();
    const jobs = pictureJobs(await newsroom(), (renditions) => done.has(renditions));
    await writeRenditions(jobs, output, IMAGE_CACHE);
    for (const job of jobs) done.add(job.renditions);
    placed.set(output, done);
  });
}
