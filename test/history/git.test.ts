import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type KeptHistory, readContentHistory } from "../../src/history/git.ts";
import { datedGit } from "../../support/git.ts";

/** A git repository with a content folder, committed to at the dates the test gives. */
function repository() {
  const root = mkdtempSync(join(tmpdir(), "newsdesk-history-"));
  const git = datedGit(root);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  /** Commits everything written, at `date`. */
  const commit = (date: string, message: string) => {
    git(date, "add", ".");
    git(date, "commit", "-q", "-m", message);
  };
  git("2024-01-01T00:00:00Z", "init", "-q", "-b", "main");
  return { root, git, write, commit };
}

/** A repository with one article committed, and a copy of its content folder outside any repository. */
function copiedOut() {
  const { root, write, commit } = repository();
  write("content/news/2024/a.md", "text");
  commit("2024-03-01T00:00:00Z", "a");
  const copy = join(mkdtempSync(join(tmpdir(), "newsdesk-copy-")), "content");
  cpSync(join(root, "content"), copy, { recursive: true });
  return { root, copy };
}

const history = suite("the content folder's history is read along the published branch, one version per change");

history(
  "each version has the commit time it arrived and the time the next commit replaced, renamed or removed it",
  () => {
    const { root, git, write, commit } = repository();
    write("site/content/news/2024/a.md", "first");
    write("site/README.md", "outside the content folder");
    commit("2024-03-01T00:00:00Z", "a");
    renameSync(join(root, "site/content/news/2024/a.md"), join(root, "site/content/news/2024/b.md"));
    git("2024-04-01T00:00:00Z", "add", "-A");
    git("2024-04-01T00:00:00Z", "commit", "-q", "-m", "rename");
    // A change merged from a side branch counts when the merge lands on the published branch.
    git("2024-04-10T00:00:00Z", "checkout", "-q", "-b", "side");
    write("site/content/news/2024/b.md", "second");
    git("2024-04-10T00:00:00Z", "commit", "-q", "-am", "edit");
    git("2024-04-20T00:00:00Z", "checkout", "-q", "main");
    git("2024-05-01T00:00:00Z", "merge", "-q", "--no-ff", "-m", "merge", "side");
    rmSync(join(root, "site/content/news/2024/b.md"));
    git("2024-06-01T00:00:00Z", "commit", "-q", "-am", "delete");

    const read = readContentHistory(join(root, "site/content"), "");
    if ("unavailable" in read) throw new Error(read.unavailable);
    assert.equal([read.ref, read.commits, read.shallow], ["HEAD", 4, false]);
    assert.equal(
      read.versions.map((version) => [
        version.path,
        version.text,
        version.from.toISO(),
        version.until?.toISO(),
        version.renamedTo,
      ]),
      [
        ["news/2024/a.md", "first", "2024-03-01T00:00:00.000Z", "2024-04-01T00:00:00.000Z", "news/2024/b.md"],
        ["news/2024/b.md", "first", "2024-04-01T00:00:00.000Z", "2024-05-01T00:00:00.000Z", undefined],
        ["news/2024/b.md", "second", "2024-05-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z", undefined],
      ],
    );
  },
);

history("origin's branch is the record when there is one: commits not yet pushed were never published", () => {
  const { root, git, write, commit } = repository();
  write("content/news/2024/a.md", "pushed");
  commit("2024-03-01T00:00:00Z", "a");
  git("2024-03-01T00:00:00Z", "update-ref", "refs/remotes/origin/main", "HEAD");
  write("content/news/2024/a.md", "local only");
  git("2024-03-02T00:00:00Z", "commit", "-q", "-am", "local");
  const read = readContentHistory(join(root, "content"), "");
  if ("unavailable" in read) throw new Error(read.unavailable);
  assert.equal([read.ref, read.versions.map((version) => version.text)], ["origin/main", ["pushed"]]);
});

history("a folder outside any repository, or a copy without .git, has no history and says why", () => {
  const { root, copy } = copiedOut();
  assert.equal(readContentHistory(copy, ""), { unavailable: "the content folder is not in a git repository" });
  assert.equal(readContentHistory(join(root, "missing"), ""), {
    unavailable: `${join(root, "missing")} does not exist`,
  });
});

history("a kept history is given again, without running git, until the branch moves to another commit", () => {
  const { root, git, write, commit } = repository();
  write("content/news/2024/a.md", "first");
  commit("2024-03-01T00:00:00Z", "a");
  const kept: KeptHistory = {};
  const first = readContentHistory(join(root, "content"), "", kept);
  const path = process.env.PATH;
  try {
    // No git to run: only the files' status can tell that nothing moved.
    process.env.PATH = "";
    assert.is(readContentHistory(join(root, "content"), "", kept), first);
    process.env.PATH = path;
    write("content/news/2024/a.md", "second");
    git("2024-04-01T00:00:00Z", "commit", "-q", "-am", "edit");
    process.env.PATH = "";
    assert.equal(
      readContentHistory(join(root, "content"), "", kept),
      { unavailable: "the content folder is not in a git repository" },
      "the branch moved, so git was asked, and it is not there",
    );
  } finally {
    process.env.PATH = path;
  }
  const moved = readContentHistory(join(root, "content"), "", kept);
  assert.is.not(moved, first);
  assert.is("unavailable" in moved ? 0 : moved.commits, 2);
  assert.is(readContentHistory(join(root, "content"), "", kept), moved, "the branch has not moved since");
  // A branch named by the caller may be any revision: git is asked each time.
  const named = readContentHistory(join(root, "content"), "HEAD", kept);
  assert.is("unavailable" in named ? 0 : named.commits, 2);
});

history("a folder in no repository is known so without running git, until a repository appears around it", () => {
  const { root, copy: outside } = copiedOut();
  // A git that only notes that it was run, and answers as outside a repository.
  const spy = mkdtempSync(join(tmpdir(), "newsdesk-git-spy-"));
  writeFileSync(join(spy, "git"), `#!/bin/sh\necho "$@" >> ${join(spy, "runs")}\nexit 128\n`, { mode: 0o755 });
  const runs = () => (existsSync(join(spy, "runs")) ? readFileSync(join(spy, "runs"), "utf8") : "");
  const kept: KeptHistory = {};
  const none = { unavailable: "the content folder is not in a git repository" };
  assert.equal(readContentHistory(outside, "", kept), none);
  const path = process.env.PATH;
  try {
    process.env.PATH = spy;
    assert.equal(readContentHistory(outside, "", kept), none);
    assert.is(runs(), "", "git was not run");
  } finally {
    process.env.PATH = path;
  }
  // The repository is moved around the folder: its `.git` appears above it, and git is asked again.
  renameSync(join(root, ".git"), join(dirname(outside), ".git"));
  const found = readContentHistory(outside, "", kept);
  assert.is("unavailable" in found ? 0 : found.commits, 1, JSON.stringify(found));
});

history.run();
