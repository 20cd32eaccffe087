import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** Whether a process (a negative number: a process group) of this machine exists; one of another user's counts. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Makes a folder of this process' own in `parent`, named `prefix`, its process number and a few random letters.
 * Folders named so whose process is gone (killed outright, or the machine stopped) are removed first: nothing else
 * would ever remove them.
 */
export function processFolder(parent: string, prefix: string): string {
  for (const name of readdirSync(parent)) {
    const pid = name.startsWith(prefix) ? /^(\d+)-/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid && !processExists(Number(pid))) rmSync(join(parent, name), { recursive: true, force: true });
  }
  return mkdtempSync(join(parent, `${prefix}${process.pid}-`));
}

/**
 * Removes `folder` when the process ends: on its own, or stopped by SIGTERM (a service manager, `kill`) or SIGHUP
 * (its terminal closed). A signal is then sent again, so the process ends as it would have without this (a shell
 * reports 128 + its number). https://nodejs.org/api/process.html#signal-events
 */
export function removedAtExit(folder: string): void {
  const remove = () => rmSync(folder, { recursive: true, force: true });
  process.once("exit", remove);
  for (const signal of ["SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      remove();
      // With its only listener gone, the signal's default action is back: it ends the process.
      process.kill(process.pid, signal);
    });
  }
}
