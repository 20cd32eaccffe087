import { spawnSync } from "node:child_process";
import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { DateTime } from "luxon";

/** One version of a content file as the published branch had it, and for how long. */
export interface FileVersion {
  /** Path inside the content folder, with forward slashes: `news/2024/micron-thaw.md`. */
  path: string;
  /** The commit that brought this version. */
  commit: string;
  /** When that commit landed on the published branch (its committer time). */
  from: DateTime;
  /** When the next commit changed, renamed or removed the file; undefined while this version is current. */
  until?: DateTime;
  /** Where the next commit moved the file, when it renamed it. */
  renamedTo?: string;
  text: string;
}

/** The content folder's history on the published branch, oldest version first. */
export interface ContentHistory {
  versions: FileVersion[];
  /** The branch read: `origin/main` when there is one, else the checkout's `HEAD`. */
  ref: string;
  /** Commits on it that changed the content folder. */
  commits: number;
  /** True in a shallow clone: versions before its first commit are missing. */
  shallow: boolean;
}

/** Why there is no history to read. */
export interface NoHistory {
  unavailable: string;
}

/**
 * Branches whose history is what was published, in order of preference; `NEWSDESK_PUBLISHED_REF` comes first, `HEAD`
 * last.
 */
const PUBLISHED_REFS = ["refs/remotes/origin/HEAD", "refs/remotes/origin/main", "refs/remotes/origin/master", "HEAD"];

function git(cwd: string, args: string[], input?: string): { ok: boolean; ran: boolean; stdout: string } {
  const result = spawnSync("git", args, {
    cwd,
    input,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
  });
  return { ok: result.status === 0, ran: result.error === undefined, stdout: result.stdout ?? "" };
}

/** One line of `git log --raw`: `:100644 100644 <old> <new> M\tpath` (two paths for a rename). */
const RAW = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*\t([^\t]+)(?:\t(.+))?$/;

/** A history read before, kept by the dev server with the commit it was read at, to read again only when it moves. */
export interface KeptHistory {
  at?: string;
  history?: ContentHistory;
  /** The content folder it was read for, the repository's files that hold where its branch is, and their status. */
  refs?: { folder: string; files: string[]; stamp: string };
  /** A content folder found in no repository, with the `.git` entries git would look for and their status. */
  none?: { folder: string; files: string[]; stamp: string };
}

/** `folder` and every folder above it. */
function ancestors(folder: string): string[] {
  const above = dirname(folder);
  return above === folder ? [folder] : [folder, ...ancestors(above)];
}

/**
 * The files of a repository that say where its published branch is (HEAD, the loose and packed refs, a reftable's
 * list, the shallow list) with the branches HEAD and `origin/HEAD` point to. A ref is moved by writing one of them
 * anew (git writes a lock file and renames it), so while their status stays the same no branch has moved, and the
 * dev server need not start git on each save to ask (four runs, about 60 ms).
 * https://git-scm.com/docs/gitrepository-layout
 */
function refFiles(gitDir: string, commonDir: string): string[] {
  const loose = PUBLISHED_REFS.filter((ref) => ref.startsWith("refs/")).map((ref) => join(commonDir, ref));
  const files = [
    join(gitDir, "HEAD"),
    ...loose,
    ...["packed-refs", "shallow", "reftable/tables.list"].map((name) => join(commonDir, name)),
  ];
  for (const symbolic of [join(gitDir, "HEAD"), join(commonDir, "refs/remotes/origin/HEAD")]) {
    const target = /^ref: (refs\/\S+)/.exec(readIfThere(symbolic))?.[1];
    if (target) files.push(join(commonDir, target));
  }
  return files;
}

const readIfThere = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

/** The status of each file, as one string: a file written anew gets another inode, size or time. */
const statusOf = (files: string[]) =>
  files
    .map((file) => {
      const status = statSync(file, { throwIfNoEntry: false });
      return status ? `${status.ino} ${status.size} ${status.mtimeMs}` : "-";
    })
    .join("|");

/**
 * Reads every version of every file under `contentDir` along the published branch's first-parent history (each
 * commit there is what one deploy published). Files are read with `git cat-file --batch`, in one process.
 * Returns why not when the folder is not in a git repository or git is missing. With `kept`, the history kept there
 * is returned while the branch is at the commit it was read at, and a history read is kept there.
 */
export function readContentHistory(
  contentDir: string,
  preferredRef = process.env.NEWSDESK_PUBLISHED_REF,
  kept?: KeptHistory,
): ContentHistory | NoHistory {
  let folder: string;
  try {
    folder = realpathSync(contentDir);
  } catch {
    return { unavailable: `${contentDir} does not exist` };
  }
  // A branch named by the caller may be any revision: only the default ones are known by their files.
  const refs = kept?.refs;
  if (kept?.history && !preferredRef && refs?.folder === folder && statusOf(refs.files) === refs.stamp) {
    return kept.history;
  }
  const outside: NoHistory = { unavailable: "the content folder is not in a git repository" };
  // A folder in no repository stays so while no `.git` appears in it or above it (git looks there, unless told).
  const none = kept?.none;
  if (none?.folder === folder && !process.env.GIT_DIR && statusOf(none.files) === none.stamp) return outside;
  const top = git(folder, ["rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-dir", "--git-common-dir"]);
  if (!top.ok) {
    // Only git's own answer is kept: a git that could not be started says nothing about the folder.
    if (kept && top.ran) {
      const files = ancestors(folder).map((dir) => join(dir, ".git"));
      kept.none = { folder, files, stamp: statusOf(files) };
    }
    return outside;
  }
  const [topLevel = "", shallow, gitDir = ".git", commonDir = gitDir] = top.stdout.trim().split("\n");
  const root = realpathSync(topLevel);
  if (kept) {
    // Taken before the branch is looked up: a move after this is seen by the next load.
    const files = refFiles(resolve(folder, gitDir), resolve(folder, commonDir));
    kept.refs = { folder, files, stamp: statusOf(files) };
  }
  const ref = preferredRef || publishedRef(root);
  if (!ref) return { unavailable: "the repository has no commits yet" };
  const inside = relative(root, folder).split(sep).join("/");
  const prefix = inside === "" ? "" : `${inside}/`;
  const at =
    kept && `${root} ${inside} ${ref} ${shallow} ${git(root, ["rev-parse", "--verify", "--quiet", ref]).stdout}`;
  if (kept?.history && kept.at === at) return kept.history;
  const log = git(root, [
    "-c",
    "core.quotePath=false",
    "log",
    ref,
    "--first-parent",
    "--reverse",
    "-M",
    "--raw",
    "--no-abbrev",
    "--format=commit %H %ct",
    "--",
    inside || ".",
  ]);
  if (!log.ok) return { unavailable: `git log failed on ${ref}` };

  const versions: FileVersion[] = [];
  const current = new Map<string, FileVersion>();
  let commits = 0;
  let commit = "";
  let time = DateTime.fromSeconds(0);
  const end = (path: string, renamedTo?: string) => {
    const version = current.get(path);
    if (!version) return;
    version.until = time;
    version.renamedTo = renamedTo;
    current.delete(path);
  };
  const start = (path: string, blob: string) => {
    const version: FileVersion = { path, commit, from: time, text: blob };
    versions.push(version);
    current.set(path, version);
  };
  for (const line of log.stdout.split("\n")) {
    if (line.startsWith("commit ")) {
      const [, sha = "", seconds = "0"] = line.split(" ");
      commit = sha;
      time = DateTime.fromSeconds(Number(seconds), { zone: "utc" });
      commits++;
      continue;
    }
    const raw = RAW.exec(line);
    if (!raw) continue;
    const [, , blob = "", status, first = "", second] = raw;
    const path = first.slice(prefix.length);
    const target = second?.slice(prefix.length);
    if (status === "D") end(path);
    else if ((status === "R" || status === "C") && target !== undefined) {
      if (status === "R") end(path, target);
      end(target);
      start(target, blob);
    } else {
      end(path);
      start(path, blob);
    }
  }
  // Every version's `text` holds its blob's name until now: fetch them all in one batch.
  const blobs = readBlobs(root, [...new Set(versions.map((version) => version.text))]);
  for (const version of versions) version.text = blobs.get(version.text) ?? "";
  const history = { versions, ref: ref.replace(/^refs\/remotes\//, ""), commits, shallow: shallow === "true" };
  if (kept) Object.assign(kept, { at, history });
  return history;
}

/** The first of PUBLISHED_REFS the repository has, found with one `git for-each-ref`. */
function publishedRef(root: string): string | undefined {
  const remotes = PUBLISHED_REFS.filter((ref) => ref.startsWith("refs/"));
  const found = new Set(git(root, ["for-each-ref", "--format=%(refname)", ...remotes]).stdout.split("\n"));
  return (
    remotes.find((ref) => found.has(ref)) ??
    (git(root, ["rev-parse", "--verify", "--quiet", "HEAD"]).ok ? "HEAD" : undefined)
  );
}

/** The text of each blob, by name, from one `git cat-file --batch`. */
function readBlobs(root: string, names: string[]): Map<string, string> {
  const texts = new Map<string, string>();
  if (names.length === 0) return texts;
  const result = spawnSync("git", ["cat-file", "--batch"], {
    cwd: root,
    input: `${names.join("\n")}\n`,
    maxBuffer: 1 << 30,
  });
  const output = result.stdout ?? Buffer.alloc(0);
  let offset = 0;
  for (const name of names) {
    const newline = output.indexOf(10, offset);
    if (newline < 0) break;
    const [, type, size] = output.subarray(offset, newline).toString("utf8").split(" ");
    offset = newline + 1;
    if (type === undefined || size === undefined) continue;
    const length = Number(size);
    texts.set(name, output.subarray(offset, offset + length).toString("utf8"));
    offset += length + 1;
  }
  return texts;
}
