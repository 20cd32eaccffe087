import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, relative } from "node:path";
import lockfile from "proper-lockfile";
import { processExists } from "../system/processes.ts";

/** The build that holds an output folder: its process, machine and start, as written next to the lock. */
export interface Owner {
  pid: number;
  host: string;
  started: string;
  /** The process group of its Eleventy process (src/cli/render.ts) and what that started, then of Pagefind's. */
  group?: number;
}

/** A held output folder: record the build's process group, and release it when done. */
export interface OutputLock {
  recordGroup(group: number): Promise<void>;
  release(): Promise<void>;
}

/** Thrown when another build holds the output folder; carries what it wrote about itself, if anything yet. */
export class OutputBusy extends Error {
  constructor(
    readonly out: string,
    readonly owner: Owner | undefined,
  ) {
    const seconds = owner ? Math.max(0, Math.round((Date.now() - Date.parse(owner.started)) / 1000)) : 0;
    const who = owner
      ? `process ${owner.pid}${owner.host === hostname() ? "" : ` on ${owner.host}`}, started ${seconds} s ago`
      : "a process that has not said which yet";
    super(`Another build is writing ${shown(out)}/ (${who}); nothing was done. Wait for it to finish and build again.`);
    this.name = "OutputBusy";
  }
}

/** The folders next to an output folder that a build uses: the build in progress, the site being replaced, the lock. */
export function siblings(out: string): { staging: string; previous: string; lock: string; owner: string } {
  return { staging: `${out}.building`, previous: `${out}.previous`, lock: `${out}.lock`, owner: `${out}.lock.owner` };
}

function shown(path: string): string {
  return relative(".", path) || ".";
}

/** Whether the build that wrote `owner` is running; one on another machine is assumed to be. */
function alive(owner: Owner): boolean {
  return owner.host !== hostname() || processExists(owner.pid);
}

/**
 * Stops a build's process group for good (SIGKILL) and waits until it is gone, so nothing it started (Eleventy's
 * copy, Pagefind) writes after this. Linux never gives a group's number to a new process while the group exists.
 */
export async function stopGroup(group: number): Promise<void> {
  if (!processExists(-group)) return;
  try {
    process.kill(-group, "SIGKILL");
  } catch {
    return;
  }
  for (let wait = 0; wait < 100 && processExists(-group); wait++)
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
}

async function readOwner(path: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as Owner;
  } catch {
    return undefined;
  }
}

/** How long a lock from another machine, no longer refreshed, holds: its build is taken to have died. */
const STALE_MS = 30_000;

/**
 * Takes the output folder for this build, or throws OutputBusy naming the build that has it. A lock left by a build
 * that was killed is taken over: at once when its process is gone from this machine, else once it is stale (not
 * refreshed for 30 s). Resolves to the release, which the build calls when done; an exit releases it too.
 * https://github.com/moxystudio/node-proper-lockfile
 */
export async function lockOutput(out: string): Promise<OutputLock> {
  const { lock, owner } = siblings(out);
  await mkdir(dirname(out), { recursive: true });
  const options = {
    realpath: false,
    lockfilePath: lock,
    stale: STALE_MS,
    update: STALE_MS / 3,
    onCompromised: () => {},
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(out, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    // The holder writes its name just after it takes the lock: give it a moment.
    let holder = await readOwner(owner);
    for (let wait = 0; !holder && wait < 10; wait++) {
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      holder = await readOwner(owner);
    }
    if (!holder || alive(holder)) throw new OutputBusy(out, holder);
    // Its build was killed, but what it started may still be writing: stop that before taking over.
    if (holder.group !== undefined) await stopGroup(holder.group);
    await rm(lock, { recursive: true, force: true });
    release = await lockfile.lock(out, options);
  }
  const me: Owner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const write = () => writeFile(owner, `${JSON.stringify(me)}\n`);
  await write();
  return {
    async recordGroup(group) {
      me.group = group;
      await write();
    },
    async release() {
      await rm(owner, { force: true });
      await release();
    },
  };
}

/**
 * Makes `staging` the site at `out` in two renames, the old site moved aside first. A build killed between the two
 * leaves only `previous`, which `recoverSwap` puts back before the next build.
 */
export async function swapIn(out: string, staging: string, previous: string): Promise<void> {
  await rm(previous, { recursive: true, force: true });
  if (existsSync(out)) await rename(out, previous);
  await rename(staging, out);
  await rm(previous, { recursive: true, force: true });
}

/** Puts back a site a build left mid-swap, and removes what an interrupted build left staged. */
export async function recoverSwap(out: string, staging: string, previous: string): Promise<void> {
  if (!existsSync(out) && existsSync(previous)) await rename(previous, out);
  await rm(staging, { recursive: true, force: true });
  await rm(previous, { recursive: true, force: true });
}
