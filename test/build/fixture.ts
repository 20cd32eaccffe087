import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCommand } from "../../support/commands.ts";

/** The fixture publication the build tests build: every kind of page, a draft, scheduled stories, a retraction. */
export const FIXTURE = "test/fixtures/site/content";

/** The instant the build tests build at, unless a test says otherwise: the unit tests' NOW. */
export const FIXTURE_NOW = "2024-06-01T00:00:00Z";

/** The instant the quality suite builds the sample publication at, so drafts and scheduled stories are stable. */
export const SAMPLE_NOW = "2026-11-25T12:00:00+07:00";

/** What a build left: the site it wrote, and the summary it printed. */
export interface BuiltSite {
  site: string;
  summary: string;
}

/** How to build: "now" (FIXTURE_NOW unless given), whether it is a preview build, articles per search index part. */
export interface BuildSettings {
  now?: string;
  preview?: boolean;
  searchPart?: number;
}

const built = new Map<string, BuiltSite>();

/**
 * The site `npm run build` writes from a content folder, built once per test run however many tests ask for the
 * same folder and settings. The build runs with a clean environment (no `NEWSDESK_…` variable but the search
 * index's part, when given) and is given its content, "now" and preview on the command line. Tests read the site
 * and never change it; a build that fails throws with what it printed.
 */
export function builtSite(content: string, settings: BuildSettings = {}): BuiltSite {
  const now = settings.now ?? FIXTURE_NOW;
  const flags = settings.preview ? ["--preview"] : [];
  const env: Record<string, string> = settings.searchPart ? { NEWSDESK_SEARCH_PART: String(settings.searchPart) } : {};
  const key = JSON.stringify([resolve(content), now, ...flags, env]);
  const cached = built.get(key);
  if (cached) return cached;
  const site = join(mkdtempSync(join(tmpdir(), "newsdesk-built-")), "site");
  const result = runCommand("build", ["--content", content, "--out", site, "--now", now, ...flags], { env });
  if (result.status !== 0) throw new Error(`${content} did not build (exit ${result.status}):\n${result.stderr}`);
  const done = { site, summary: result.stdout };
  built.set(key, done);
  return done;
}

/** The fixture publication, built once per test run with these settings. */
export function fixtureSite(settings: BuildSettings = {}): BuiltSite {
  return builtSite(FIXTURE, settings);
}

/** The sample publication in content/, built once per test run at SAMPLE_NOW: the site the quality suite checks. */
export function sampleSite(): string {
  return builtSite("content", { now: SAMPLE_NOW }).site;
}
