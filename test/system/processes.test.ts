import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { processFolder } from "../../src/system/processes.ts";

const folders = suite("a process' own folder goes with the process, however it ends");

/** A process number no process has now: one that has just ended. */
function endedProcess(): number {
  const ended = spawnSync(process.execPath, ["-e", "process.pid"]);
  assert.ok(ended.pid > 0);
  return ended.pid;
}

folders("folders left by processes that are gone are removed when another is made, and no one else's", () => {
  const parent = mkdtempSync(join(tmpdir(), "newsdesk-processes-"));
  const killed = `newsdesk-dev-${endedProcess()}-abc123`;
  const kept = [`newsdesk-dev-${process.pid}-def456`, "newsdesk-dev-notes", `other-${endedProcess()}-ghi789`];
  for (const name of [killed, ...kept]) mkdirSync(join(parent, name));
  const made = processFolder(parent, "newsdesk-dev-");
  assert.match(made, new RegExp(`/newsdesk-dev-${process.pid}-[^/]+$`));
  assert.equal(readdirSync(parent).sort(), [...kept, basename(made)].sort());
});

/** Starts a process that makes its own folder in `parent`, to go at its end, and says where. */
function processWithFolder(parent: string, then = "setInterval(() => {}, 1000);") {
  const code =
    `import { processFolder, removedAtExit } from ${JSON.stringify(`${process.cwd()}/src/system/processes.ts`)};` +
    `const folder = processFolder(${JSON.stringify(parent)}, "newsdesk-dev-"); removedAtExit(folder);` +
    `console.log(folder); ${then}`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: "pipe" });
  const folder = new Promise<string>((resolve, reject) => {
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes("\n")) resolve(said.trim());
    });
    child.on("exit", () => reject(new Error(`the process ended before it made its folder: ${said}`)));
  });
  const ended = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal ?? code)),
  );
  return { child, folder, ended };
}

for (const signal of ["SIGTERM", "SIGHUP"] as const) {
  folders(`a process stopped by ${signal} removes its folder and still ends by the signal`, async () => {
    const parent = mkdtempSync(join(tmpdir(), "newsdesk-processes-"));
    const { child, folder, ended } = processWithFolder(parent);
    const made = await folder;
    assert.ok(existsSync(made), made);
    child.kill(signal);
    assert.is(await ended, signal);
    assert.not.ok(existsSync(made), `${made} is still there`);
  });
}

folders("a process that ends on its own removes its folder", async () => {
  const parent = mkdtempSync(join(tmpdir(), "newsdesk-processes-"));
  const { folder, ended } = processWithFolder(parent, "");
  const made = await folder;
  assert.is(await ended, 0);
  assert.not.ok(existsSync(made), `${made} is still there`);
});

folders.run();
