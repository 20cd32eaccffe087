import { type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import { basename, join, sep } from "node:path";

/** A folder tree being watched. */
export interface FolderWatch {
  /** Stops watching every folder. */
  close(): void;
}

/** Folders not watched: hidden ones (`.git`) and installed packages. */
const unwatched = (name: string) => name.startsWith(".") || name === "node_modules";

/**
 * Watches `root` and every folder in it, with one of the system's watches a folder (Node's `fs.watch`, inotify on
 * Linux), and calls `changed` with the path of each file written, created, renamed or removed there, and of each
 * folder removed (`removedFolder` true: it was a watched folder). A folder created later is watched from then on,
 * and the files already in it are named. Unlike chokidar, it neither watches each file nor reads a folder again after
 * each save (0.2 s a save in a folder of 2,000 files, 2.7 s in one of 20,000). The watches do not keep the process
 * running. Throws when the system cannot watch `root` (no watches left, no permission).
 * https://nodejs.org/docs/latest-v20.x/api/fs.html#fswatchfilename-options-listener
 */
export function watchFolders(root: string, changed: (path: string, removedFolder: boolean) => void): FolderWatch {
  const watches = new Map<string, FSWatcher>();
  const stop = (folder: string) => {
    for (const [path, watcher] of watches) {
      if (path === folder || path.startsWith(`${folder}${sep}`)) {
        watcher.close();
        watches.delete(path);
      }
    }
  };
  const add = (folder: string, nameFiles: boolean) => {
    if (watches.has(folder)) return;
    const watcher = watch(folder, (_event, name) => name && seen(join(folder, name.toString())));
    watcher.unref();
    // A watched folder that goes away ends its watch with an error on some systems: it is reported as removed.
    watcher.on("error", () => seen(folder));
    watches.set(folder, watcher);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!unwatched(entry.name)) add(path, nameFiles);
      } else if (nameFiles) changed(path, false);
    }
  };
  const seen = (path: string) => {
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // Gone: a removed file, or a removed folder, whose watches end.
      const removedFolder = watches.has(path);
      stop(path);
      changed(path, removedFolder);
      return;
    }
    if (!folder) changed(path, false);
    else if (!unwatched(basename(path))) {
      try {
        add(path, true);
      } catch {
        // Removed again before it could be watched: its removal is its own event.
      }
    }
  };
  try {
    add(root, false);
  } catch (error) {
    // Half a watch is none: the folders watched so far are let go.
    stop(root);
    throw error;
  }
  return { close: () => stop(root) };
}
