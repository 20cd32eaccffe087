import childProcess from "node:child_process";
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

/** The thread's answer: the pages indexed, or what went wrong in words (`stopped`: the thread cannot go on). */
type Answer = { indexed: number } | { error: string; stopped?: true };

/**
 * Watches each process the thread starts (Pagefind's): `ended` is called when one ends by itself while `current()`
 * is the part it was started for. Pagefind's Node API listens for no `exit` of its process (lib/service.js), so a
 * panic there (a full or read-only disk) would leave the part waiting for ever; its own `close` kills the process
 * after the part, which `current()` has changed by then. Only this thread's `child_process` is changed: each thread
 * has its own.
 */
function watchProcesses(current: () => number, ended: (part: number, how: string) => void): void {
  const { spawn } = childProcess;
  childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
    const started = spawn(...args);
    const part = current();
    started.once("exit", (code, signal) => {
      if (part !== 0 && part === current())
        ended(part, signal ? `was stopped by ${signal}` : `ended with code ${code}`);
    });
    return started;
  }) as typeof spawn;
}

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
  // The part being indexed, numbered from 1; 0 between parts. Each part is answered once.
  let current = 0;
  let parts = 0;
  const answer = (part: number, message: Answer) => {
    if (part !== current) return;
    current = 0;
    port.postMessage(message);
  };
  watchProcesses(
    () => current,
    (part, how) =>
      answer(part, {
        error: `Pagefind's process ${how} before the part was indexed (its own words are above)`,
        stopped: true,
      }),
  );
  port.on("message", (job: Job) => {
    const part = ++parts;
    current = part;
    read(job.pages)
      .then((pages) => buildSearchIndex(job.bundleDir, job.language, pages))
      .then(
        (indexed) => answer(part, { indexed }),
        (error: unknown) => answer(part, { error: (error as Error).message }),
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
  const stop = (running: Worker) => {
    if (thread === running) thread = undefined;
    void running.terminate();
  };
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
        if ("error" in answer) {
          // A thread whose Pagefind stopped mid-part still waits for it: it goes, and the next part starts another.
          if (answer.stopped) stop(running);
          rejectIndexed(new Error(answer.error));
        } else resolveIndexed(answer.indexed);
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
