import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The instant the quality suite builds the sample publication at, so drafts and scheduled stories are stable. */
export const SAMPLE_NOW = "2026-11-25T12:00:00+07:00";

let built: string | undefined;

/** The sample publication in content/, built once per test run with `npm run build`'s script. */
export function sampleSite(): string {
  if (built) return built;
  const out = join(mkdtempSync(join(tmpdir(), "newsdesk-sample-")), "site");
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/build.ts", "--out", out, "--now", SAMPLE_NOW],
    {
      encoding: "utf8",
      env: { ...process.env, NEWSDESK_CONTENT: "", NEWSDESK_PREVIEW: "" },
    },
  );
  if (result.status !== 0) throw new Error(`the sample publication did not build:\n${result.stderr}`);
  built = out;
  return out;
}
