import { suite } from "uvu";
import * as assert from "uvu/assert";
import { minifiedStylesheet } from "../../src/render/stylesheets.ts";

const minified = suite("a stylesheet is served minified, its rules as written");

minified("comments and white space go; :has(), custom properties and media queries stay", () => {
  const css = [
    "/* The card. */",
    ":root {",
    "  --ink: #1d2a33;",
    "}",
    "",
    ".card:has(img) {",
    "  color: var(--ink);",
    "}",
    "",
    "@media (prefers-color-scheme: dark) {",
    "  :root {",
    "    --ink: #e6e1d8;",
    "  }",
    "}",
    "",
  ].join("\n");
  assert.is(
    minifiedStylesheet(css),
    ":root{--ink: #1d2a33}.card:has(img){color:var(--ink)}@media(prefers-color-scheme:dark){:root{--ink: #e6e1d8}}\n",
  );
});

minified.run();
