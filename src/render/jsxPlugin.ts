import type { EleventyConfig } from "@11ty/eleventy";
import { jsxToString } from "jsx-async-runtime";

/** Renders a layout's JSX to an HTML document; text and attributes are escaped by the runtime. */
export async function renderDocument(element: JSX.Element): Promise<string> {
  return `<!doctype html>\n${await jsxToString.call({}, element)}\n`;
}

/**
 * Registers `*.11ty.tsx` layouts (`render` returns JSX for a whole page) and `*.11ty.ts` ones (feeds, sitemaps:
 * `render` returns text).
 */
export function jsxPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: { defaultRenderer(data: unknown): Promise<JSX.Element> }, data: unknown) {
        return renderDocument(await this.defaultRenderer(data));
      };
    },
  });
  eleventyConfig.addTemplateFormats(["11ty.tsx", "11ty.ts"]);
}
