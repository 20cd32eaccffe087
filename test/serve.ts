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

/**
 * A built site served on 127.0.0.1 at a free port, as a static host would: unknown paths get /404.html, and text
 * goes out gzip-compressed to a client that accepts it.
 */
export async function serveSite(site: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const file = fileForUrl(new URL(request.url ?? "/", "http://localhost").pathname);
    try {
      const body = await readFile(join(site, file));
      const type = extname(file);
      const gzip = COMPRESSIBLE.has(type) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
      response.writeHead(200, { "content-type": TYPES[type] ?? "application/octet-stream", ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}) });
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
