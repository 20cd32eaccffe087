import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileForUrl } from "./site.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

/** Types a static host compresses; Pagefind's own index files are gzip already and go out as they are. */
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg", ".xml"]);

/** A `_headers` rule (Netlify and Cloudflare Pages format): a path pattern with `*` splats, and its headers. */
interface HeaderRule {
  path: RegExp;
  headers: [string, string][];
}

/** Reads a site's `_headers` file into rules; none when there is no file. https://docs.netlify.com/routing/headers/ */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({
        path: new RegExp(
          `^${line
            .trim()
            .split("*")
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join(".*")}$`,
        ),
        headers: [],
      });
      continue;
    }
    const colon = line.indexOf(":");
    rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * A built site served on 127.0.0.1 at a free port, as a static host would: unknown paths get /404.html,
 * `_headers` applies, and text goes out gzip-compressed to a client that accepts it.
 */
export async function serveSite(site: string): Promise<{ origin: string; close(): Promise<void> }> {
  const rules = parseHeadersFile(await readFile(join(site, "_headers"), "utf8").catch(() => ""));
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = fileForUrl(path);
    for (const rule of rules)
      if (rule.path.test(path)) for (const [name, value] of rule.headers) response.setHeader(name, value);
    try {
      const body = await readFile(join(site, file));
      const type = extname(file);
      const gzip = COMPRESSIBLE.has(type) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
      response.writeHead(200, {
        "content-type": TYPES[type] ?? "application/octet-stream",
        ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
      });
      response.end(gzip ? gzipSync(body) : body);
    } catch {
      response.writeHead(404, { "content-type": TYPES[".html"] });
      response.end(await readFile(join(site, "404.html")).catch(() => "Not found"));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
