import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";

/** Every HTML file in a built site, as paths relative to it. */
export function htmlFiles(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".html"))
    .sort();
}

/** The file a site-relative URL is served from: `/news/a/` is `news/a/index.html`. */
export function fileForUrl(url: string): string {
  const path = decodeURIComponent(url.split(/[?#]/)[0] ?? "").replace(/^\//, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** Parses a built page by its URL. */
export function page(site: string, url: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(join(site, fileForUrl(url)), "utf8"));
}

/** The HTML files reachable by following same-site links from the home page. */
export function reachableFromHome(site: string): string[] {
  const seen = new Set<string>(["index.html"]);
  const queue = ["/"];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    const $ = page(site, url);
    for (const element of $("a[href]").toArray()) {
      const target = new URL($(element).attr("href") ?? "", `https://site.invalid${url}`);
      if (target.origin !== "https://site.invalid") continue;
      const file = fileForUrl(target.pathname);
      if (!file.endsWith(".html") || seen.has(file) || !existsSync(join(site, file))) continue;
      seen.add(file);
      queue.push(target.pathname);
    }
  }
  return [...seen].sort();
}
