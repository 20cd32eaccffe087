import { suite } from "uvu";
import * as assert from "uvu/assert";
import { closestMatch } from "../../src/site/hints.ts";

const closest = suite("did you mean: a hint names the closest key a writer probably meant");

closest("close matches are typos or shortenings, not any word", () => {
  assert.is(closestMatch("jim-polard", ["jim-pollard", "ana-lim"]), "jim-pollard");
  assert.is(closestMatch("nobody", ["jim-pollard", "ana-lim"]), undefined);
});

closest.run();
