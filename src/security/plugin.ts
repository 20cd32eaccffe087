import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../newsroom/plugin.ts";
import { headersFile, policyOrigins, securityHeaders } from "./headers.ts";

/** Adds the global `headersFile`: the `_headers` text that layouts/headers.11ty.ts writes, for this build's content. */
export function securityPlugin(eleventyConfig: EleventyConfig, newsroom: NewsroomSource): void {
  eleventyConfig.addGlobalData("headersFile", async () =>
    headersFile(securityHeaders(policyOrigins(await newsroom()))),
  );
}
