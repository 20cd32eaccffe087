import { readFile } from "node:fs/promises";
import { constants, setPriority } from "node:os";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { buildSearchIndex, type RenderedPage } from "./search.ts";

// The dev server indexes a part of the search index again after each save. Pagefind's Node API turns every page
// into a message for its process on the thread that calls it: about 0.2 s for a part of 1,000 articles, which the
// next save's rebuild waited for. Here that runs on a thread of its own.

/** A page to index: its address, and the file it was written to. */
export interface PageFile {
  url: string;
  file: string;
}

/** One part to index: `buildSearchIndex`'s arguments, with the pages to be read from their files. */
interface Job {
  bundleDir: string;
  language: string;
  pages: PageFile[];
}

/** The pages' HTML, read from their files. */
const read = (pages: PageFile[]): Promise<RenderedPage[]> =>
  Promise.all(pages.map(async ({ url, file }) => ({ url, html: await readFile(file, "utf8") })));

/** The thread's answer: the pages indexed, or what went wrong in words. */
type Answer = { indexed: number } | { error: string };

if (!isMainThread && parentPort) {
  // Background work: on Linux a thread's priority is its own, and Pagefind's process, started from this thread,
  // takes it too, so both give way to the rebuild of the writer's next save.
  // https://man7.org/linux/man-pages/man2/setpriority.2.html#BUGS
  try {
    setPriority(constants.priority.PRIORITY_LOW);
  } catch {
    // Refused: the thread runs as the rest of the process does.
  }
  const port = parentPort;
  port.on("message", (job: Job) => {
    read(job.pages)
      .then((pages) => buildSearchIndex(job.bundleDir, job.language, pages))
      .then(
        (indexed) => port.postMessage({ indexed } satisfies Answer),
        (error: unknown) => port.postMessage({ error: (error as Error).message } satisfies Answer),
      );
  });
}

/**
 * The code a thread starts with: it registers tsx, which a thread does not inherit from the `--import tsx` that
 * started the process, and then loads this module.
 */
function bootstrap(): string {
  const tsx = import.meta.resolve("tsx/esm/api");
  const self = JSON.stringify(import.meta.url);
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${self}); });`;
}

/** Indexes one part on the thread; `close` ends the thread, once the caller has no part left for it. */
export interface ThreadIndexer {
  (bundleDir: string, language: string, pages: PageFile[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * `buildSearchIndex` on a thread of its own, started for the first part and kept for the next, started again after
 * it failed; one part at a time, as the caller asks (Pagefind's Node API runs one service per thread). The thread
 * does not keep the process running.
 */
export function indexOnThread(): ThreadIndexer {
  let thread: Worker | undefined;
  const index = (bundleDir: string, language: string, pages: PageFile[]) =>
    new Promise<number>((resolveIndexed, rejectIndexed) => {
      if (!thread) {
        thread = new Worker(bootstrap(), { eval: true });
        thread.unref();
      }
      const running = thread;
      const settle = () => {
        running.off("message", answered);
        running.off("error", failed);
        running.off("exit", exited);
      };
      const answered = (answer: Answer) => {
        settle();
        if ("error" in answer) rejectIndexed(new Error(answer.error));
        else resolveIndexed(answer.indexed);
      };
      const failed = (error: Error) => {
        settle();
        if (thread === running) thread = undefined;
        rejectIndexed(error);
      };
      const exited = (code: number) => failed(new Error(`the indexing thread stopped with code ${code}`));
      running.on("message", answered);
      running.on("error", failed);
      running.on("exit", exited);
      running.postMessage({ bundleDir, language, pages } satisfies Job);
    });
  return Object.assign(index, {
    close: async () => {
      const running = thread;
      thread = undefined;
      await running?.terminate();
    },
  });
}
