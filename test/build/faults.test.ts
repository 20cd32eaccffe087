import { type ChildProcess, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus } from "../../bench/generate.ts";
import { cleanEnvironment, commandArguments, runCommand, startCommand } from "../../support/commands.ts";
import { articleFile, contentTree, validFields } from "../helpers.ts";
import { FIXTURE, FIXTURE_NOW, fixtureSite } from "./fixture.ts";
import { projectCopy } from "./project.ts";

/** The fixture's content folder, named absolutely: some builds here run in a project copy. */
const CONTENT = resolve(FIXTURE);

/** Builds `content` into `out` at the fixture's "now", to its end: a fault test's own build, on purpose. */
function build(content: string, out: string) {
  return runCommand("build", ["--content", content, "--out", out, "--now", FIXTURE_NOW]);
}

/** What a build printed and how it ended; for a build in a mount namespace, what it left on its disk too. */
interface Ended {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The output's folder and the output as the namespace saw them, before its mounts went away. */
  left?: { beside: string[]; inside: string[] };
}

/** The build's own lines on stderr: its warnings about content left out. */
function said(ended: Ended): string[] {
  return ended.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("[newsdesk] warning:"));
}

/** Everything next to an output folder: the site, and anything a build left beside it. */
function beside(out: string): string[] {
  return readdirSync(dirname(out)).sort();
}

/** Asserts the clean ending of a failed build: its words, exit code 1, no stack trace, the previous site as it was. */
function endedCleanly(ended: Ended, out: string, reason: RegExp): void {
  assert.is(ended.status, 1, ended.stderr);
  assert.match(said(ended).join("\n"), reason);
  assert.ok(
    said(ended)
      .at(-1)
      ?.endsWith(`${dirname(out).split("/").at(-1)}/site/ was left as it was.`),
    said(ended).join("\n"),
  );
  assert.not.match(ended.stderr, /^\s+at |panicked|stack backtrace/m);
  assert.equal(ended.left, { beside: ["site"], inside: ["previous.html"] });
}

/**
 * Runs a build inside a mount namespace of its own (`unshare`, as an unprivileged user), where `setup` (shell) can
 * mount a small or read-only file system at the output's folder: real faults, no mocked file system.
 * https://man7.org/linux/man-pages/man1/unshare.1.html
 */
function buildWithMounts(setup: string, out: string, options: { project?: string; content?: string } = {}): Ended {
  const args = ["--content", options.content ?? CONTENT, "--out", out, "--now", FIXTURE_NOW];
  const build = [process.execPath, ...commandArguments("build", args)].map((word) => `'${word}'`).join(" ");
  // The mounts go with the namespace, so what the build left is listed from inside it, after a marker line.
  const script = [
    "set -e",
    setup,
    `[ -e '${out}/previous.html' ] || { mkdir -p '${out}'; echo 'the site before' > '${out}/previous.html'; }`,
    "set +e",
    `${build}; status=$?`,
    `echo "${LEFT} $status $(ls -A '${dirname(out)}' | tr '\\n' ' ')| $(ls -A '${out}' 2>/dev/null | tr '\\n' ' ')"`,
  ].join("\n");
  const result = spawnSync("unshare", ["--user", "--map-root-user", "--mount", "sh", "-c", script], {
    cwd: options.project ?? process.cwd(),
    encoding: "utf8",
    env: cleanEnvironment(),
  });
  if (result.error)
    throw new Error(`These tests need unshare (util-linux) with user namespaces: ${result.error.message}`);
  const [stdout = "", last = ""] = result.stdout.split(`${LEFT} `);
  const [, status = "", beside = "", inside = ""] = /^(\d+) ([^|]*)\| (.*)$/.exec(last.trim()) ?? [];
  const names = (text: string) => text.split(" ").filter(Boolean).sort();
  if (status === "") throw new Error(`the namespace did not run the build:\n${result.stderr}`);
  return {
    status: Number(status),
    stdout,
    stderr: result.stderr,
    left: { beside: names(beside), inside: names(inside) },
  };
}

/** The line the namespace's script marks its listing with. */
const LEFT = "::left::";

/** A folder to mount over; the test's own, removed with the rest of /tmp. */
function mountPoint(): string {
  return mkdtempSync(join(tmpdir(), "newsdesk-mount-"));
}

const disks = suite(
  "a build on a disk that fills or is read-only ends with the build's message, nothing staged, the previous site kept",
);

disks("the disk fills while pages are written", () => {
  const dir = mountPoint();
  const out = join(dir, "site");
  // Room for the previous site and a few pages, not for the site.
  const ended = buildWithMounts(`mount -t tmpfs -o size=300k tmpfs '${dir}'`, out);
  endedCleanly(ended, out, /^The build failed:\n {2}.*: the disk is full \(ENOSPC\)$/m);
});

disks("the disk fills while the assets are copied", () => {
  const project = projectCopy({
    assets: (assets) => writeFileSync(join(assets, "img", "large.bin"), Buffer.alloc(3_000_000, 1)),
  });
  const dir = mountPoint();
  const out = join(dir, "site");
  // Room for every page, not for a 3 MB picture among the assets.
  const ended = buildWithMounts(`mount -t tmpfs -o size=2m tmpfs '${dir}'`, out, { project });
  endedCleanly(
    ended,
    out,
    /^The build failed:\n {2}Having trouble copying '\.\/assets': the disk is full \(ENOSPC\)$/m,
  );
});

disks("the disk fills while Pagefind writes the search index", () => {
  const dir = mountPoint();
  const out = join(dir, "site");
  // Measure the fixture's site (the build tests' shared one), then give a disk that holds all of it but half the index.
  const probe = fixtureSite().site;
  const kilobytes = (path: string) =>
    Number(spawnSync("du", ["-sk", path], { encoding: "utf8" }).stdout.split("\t")[0]);
  const size = kilobytes(probe) - Math.floor(kilobytes(join(probe, "pagefind")) / 2);
  const ended = buildWithMounts(`mount -t tmpfs -o size=${size}k tmpfs '${dir}'`, out);
  endedCleanly(
    ended,
    out,
    new RegExp(
      String.raw`^The build failed:\n {2}Pagefind could not build the search index:\n {2}` +
        String.raw`it could not write the index: the disk is full \(ENOSPC\)$`,
      "m",
    ),
  );
});

disks("the output's folder is read-only: the real reason, EROFS, and nothing written", () => {
  const dir = mountPoint();
  const out = join(dir, "site");
  mkdirSync(out);
  writeFileSync(join(out, "previous.html"), "the site before");
  const ended = buildWithMounts(`mount --bind -o ro '${dir}' '${dir}'`, out);
  endedCleanly(
    ended,
    out,
    /^The build failed:\n {2}could not write \S+\/site\.lock: the disk is read-only \(EROFS\)$/m,
  );
  assert.not.match(ended.stderr, /ENOENT/);
});

disks.run();

/** Starts a build in the background, for a test that stops it or its indexer. */
function startBuild(
  content: string,
  out: string,
): { child: ChildProcess; ended: Promise<Ended & { signal: NodeJS.Signals | null }> } {
  const child = startCommand("build", ["--content", content, "--out", out, "--now", FIXTURE_NOW]);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<Ended & { signal: NodeJS.Signals | null }>((resolveEnded) =>
    child.on("close", (status, signal) => resolveEnded({ status, signal, stdout, stderr })),
  );
  return { child, ended };
}

/** The processes whose command line matches, by process id, read from /proc. */
function processes(match: RegExp): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return match.test(readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " "));
      } catch {
        return false;
      }
    })
    .map(Number);
}

const until = async (condition: () => boolean, what: string) => {
  for (let wait = 0; wait < 1200; wait++) {
    if (condition()) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
};

/** A site big enough that Pagefind takes a while over it: 300 generated articles, without pictures. */
let corpus: string | undefined;
async function largeContent(): Promise<string> {
  corpus ??= (
    await generateCorpus({ dir: mkdtempSync(join(tmpdir(), "newsdesk-corpus-")), articles: 300, pictures: 0 })
  ).contentDir;
  return corpus;
}

const stops = suite(
  "a build whose indexer or own process is killed, or that is interrupted, ends cleanly and the next one succeeds",
);

stops("Pagefind's process killed while it indexes: the build says so, exit 1, nothing staged", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "newsdesk-killed-indexer-")), "site");
  mkdirSync(out);
  writeFileSync(join(out, "previous.html"), "the site before");
  const { ended } = startBuild(await largeContent(), out);
  const staging = `${out}.building`;
  let killed = false;
  await until(() => {
    const [indexer] = processes(new RegExp(`pagefind.* --site ${staging.replaceAll(".", "\\.")}`));
    if (indexer !== undefined) {
      process.kill(indexer, "SIGKILL");
      killed = true;
    }
    return killed;
  }, "Pagefind to start");
  const result = await ended;
  assert.is(result.status, 1, result.stderr);
  assert.equal(said(result).slice(0, 3), [
    "The build failed:",
    "  Pagefind could not build the search index:",
    "  its process was stopped by SIGKILL",
  ]);
  assert.not.match(result.stderr, /^\s+at |panicked/m);
  assert.equal(beside(out), ["site"]);
  assert.equal(readdirSync(out), ["previous.html"]);
});

stops(
  "a build killed outright leaves its lock and processes behind; the next build stops them, takes over and succeeds",
  async () => {
    const out = join(mkdtempSync(join(tmpdir(), "newsdesk-killed-build-")), "site");
    const { child, ended } = startBuild(await largeContent(), out);
    await until(
      () => existsSync(`${out}.lock.owner`) && readFileSync(`${out}.lock.owner`, "utf8").includes('"group"'),
      "the build to take its lock",
    );
    const { group } = JSON.parse(readFileSync(`${out}.lock.owner`, "utf8")) as { group: number };
    child.kill("SIGKILL");
    await ended;
    const next = build(CONTENT, out);
    assert.is(next.status, 0, next.stderr);
    assert.equal(
      processes(/render\.ts/).filter((pid) => pid === group),
      [],
    );
    assert.ok(existsSync(join(out, "index.html")) && existsSync(join(out, "pagefind", "pagefind-entry.json")));
    assert.equal(beside(out), ["site"]);
  },
);

stops("Ctrl-C stops the build and what it started, exit 130, nothing staged, the lock released", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "newsdesk-interrupted-")), "site");
  mkdirSync(out);
  writeFileSync(join(out, "previous.html"), "the site before");
  const { child, ended } = startBuild(await largeContent(), out);
  await until(() => existsSync(`${out}.building`), "the build to start writing");
  child.kill("SIGINT");
  const result = await ended;
  assert.is(result.status, 130, result.stderr);
  assert.equal(said(result).slice(-2, -1), ["The build was stopped (SIGINT) before it finished."]);
  assert.equal(beside(out), ["site"]);
  assert.equal(processes(new RegExp(`render\\.ts ${out.replaceAll(".", "\\.")}`)), []);
});

stops("Ctrl-C while Pagefind indexes stops Pagefind too, exit 130, nothing staged", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "newsdesk-interrupted-indexer-")), "site");
  const { child, ended } = startBuild(await largeContent(), out);
  const indexing = new RegExp(`pagefind.* --site ${`${out}.building`.replaceAll(".", "\\.")}`);
  await until(() => processes(indexing).length > 0, "Pagefind to start");
  child.kill("SIGINT");
  const result = await ended;
  assert.is(result.status, 130, result.stderr);
  assert.equal(said(result), ["The build was stopped (SIGINT) before it finished.", "No site was written."]);
  assert.equal(processes(indexing), []);
  assert.equal(beside(out), []);
});

stops(
  "a build killed during its swap leaves a site the next build completes, with nothing left beside it",
  async () => {
    const out = join(mkdtempSync(join(tmpdir(), "newsdesk-swap-")), "site");
    const first = build(CONTENT, out);
    assert.is(first.status, 0, first.stderr);
    const { child, ended } = startBuild(CONTENT, out);
    // Kill it the moment the old site moves aside (inotify tells at once): between its two renames, or just after.
    const watcher = watch(dirname(out), (_, name) => {
      if (name === "site.previous") child.kill("SIGKILL");
    });
    const result = await ended;
    watcher.close();
    assert.is(result.signal, "SIGKILL", "the build finished before it could be killed");
    assert.ok(existsSync(out) || existsSync(`${out}.previous`), "one of the two sites is always there");
    const next = build(CONTENT, out);
    assert.is(next.status, 0, next.stderr);
    assert.ok(existsSync(join(out, "index.html")));
    assert.equal(beside(out), ["site"]);
  },
);

stops.run();

const together = suite(
  "two builds into one folder never break it: the second refuses at once, naming the first, and never says Built",
);

together(
  "20 pairs of builds with random offsets: one builds, the other refuses with exit 3, and every site is complete",
  async () => {
    const content = contentTree({ "news/2024/story.md": articleFile(validFields) });
    const out = join(mkdtempSync(join(tmpdir(), "newsdesk-together-")), "site");
    const reference = build(content, out);
    assert.is(reference.status, 0, reference.stderr);
    const files = () => readdirSync(out, { recursive: true, encoding: "utf8" }).sort();
    const complete = files();
    const outcomes: string[] = [];
    for (let pair = 0; pair < 20; pair++) {
      const first = startBuild(content, out);
      await new Promise((resolveWait) => setTimeout(resolveWait, Math.random() * 1500));
      const second = startBuild(content, out);
      const [a, b] = await Promise.all([first.ended, second.ended]);
      for (const run of [a, b]) {
        // Only a build that wrote the site says Built.
        assert.is(run.stdout.startsWith("Built "), run.status === 0, `${run.status}: ${run.stdout}${run.stderr}`);
        if (run.status === 3)
          assert.match(
            run.stderr.trim(),
            new RegExp(
              String.raw`^Another build is writing \S+site/ \(process \d+, started \d+ s ago\); nothing was done\. ` +
                String.raw`Wait for it to finish and build again\.$`,
            ),
          );
        else assert.is(run.status, 0, run.stderr);
      }
      assert.ok(a.status === 0 || b.status === 0, "at least one of the two builds");
      assert.equal(files(), complete, `pair ${pair}: the site is not complete`);
      assert.equal(beside(out), ["site"]);
      outcomes.push(`${a.status}/${b.status}`);
    }
    // Each pair overlapped or ran one after the other; both kinds are fine, and neither broke the site.
    assert.is(outcomes.length, 20);
  },
);

together.run();
