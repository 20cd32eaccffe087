import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ownCopy } from "../../src/site/text.ts";
import { heapHeldBy } from "../helpers.ts";

const copies = suite("a text's own copy reads the same and lets go of the text it was cut from");

copies("the copy is the same text, accents, emoji and a lone surrogate included", () => {
  for (const text of ["", "China Bond", "Hồ Chí Minh City", "Micron 📈", "half \uD83D pair"])
    assert.is(ownCopy(text), text);
});

copies("a slice of a long text holds all of it; its own copy holds only itself", async () => {
  const long = () => "Micron's turnaround in China. ".repeat(500_000);
  const slice = await heapHeldBy(() => long().slice(100, 160));
  const copy = await heapHeldBy(() => ownCopy(long().slice(100, 160)));
  assert.ok(slice > 10_000_000, `the slice held ${slice} bytes`);
  assert.ok(copy < 1_000_000, `the copy held ${copy} bytes`);
});

copies.run();
