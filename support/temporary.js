// Loaded before the tests (`npm test` imports it first): every temporary folder of the run goes into one folder of
// its own, removed when the run ends. The tests make some 700 (content trees, built sites, project copies), and
// `os.tmpdir()` reads TMPDIR on every call; the commands, Pagefind and Chromium the tests start inherit it.
// https://nodejs.org/api/os.html#ostmpdir
// Plain JavaScript, and nothing done off the main thread: a worker thread starts with the same `--import` flags but
// without tsx's loader.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  const run = mkdtempSync(join(tmpdir(), "newsdesk-tests-"));
  process.env.TMPDIR = run;
  process.on("exit", () => rmSync(run, { recursive: true, force: true }));
}
