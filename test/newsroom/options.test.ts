import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildOptionsOf, giveBuildOptions, resolveOptions } from "../../src/newsroom/options.ts";

const options = suite("a build's options are resolved in one place: what the command says, else the environment");

options("without options or environment: content/, the clock at each load, a production build", () => {
  assert.equal(resolveOptions({}, {}), { contentDir: "content", now: undefined, preview: false, searchPart: 10_000 });
});

options("the environment fills what the command leaves out", () => {
  const resolved = resolveOptions(
    {},
    { NEWSDESK_CONTENT: "elsewhere", NEWSDESK_NOW: "2024-06-01T09:00:00+07:00", NEWSDESK_PREVIEW: "1" },
  );
  assert.equal(
    [resolved.contentDir, resolved.now?.toISO(), resolved.preview],
    ["elsewhere", "2024-06-01T09:00:00.000+07:00", true],
  );
});

options("the command's own options win over the environment, and an empty variable counts as unset", () => {
  const resolved = resolveOptions(
    { content: "mine", now: "2024-01-01T00:00:00Z", preview: false },
    { NEWSDESK_CONTENT: "", NEWSDESK_NOW: "2025-01-01T00:00:00Z", NEWSDESK_PREVIEW: "1" },
  );
  assert.equal(
    [resolved.contentDir, resolved.now?.toUTC().toISO(), resolved.preview],
    ["mine", "2024-01-01T00:00:00.000Z", false],
  );
  assert.is(resolveOptions({}, { NEWSDESK_CONTENT: "" }).contentDir, "content");
});

options("a 'now' that is not an ISO 8601 date-time is refused with what was given", () => {
  assert.throws(() => resolveOptions({ now: "tomorrow" }, {}), /"tomorrow" is not an ISO 8601 date-time/);
});

options(
  "NEWSDESK_SEARCH_PART sets the articles in each part of the search index; anything but a count is refused",
  () => {
    assert.is(resolveOptions({}, { NEWSDESK_SEARCH_PART: "2500" }).searchPart, 2500);
    assert.is(resolveOptions({}, { NEWSDESK_SEARCH_PART: "" }).searchPart, 10_000);
    for (const wrong of ["0", "-5", "2.5", "lots"]) {
      assert.throws(
        () => resolveOptions({}, { NEWSDESK_SEARCH_PART: wrong }),
        (error: Error) =>
          error.message ===
          `NEWSDESK_SEARCH_PART must be a whole number of articles above 0, like 5000; it is "${wrong}"`,
      );
    }
  },
);

options("options handed to a configuration are the ones it reads back; another reads the environment", () => {
  const configuration = {};
  const given = {
    contentDir: "fixture",
    now: DateTime.fromISO("2024-06-01T00:00:00Z"),
    preview: true,
    searchPart: 10_000,
  };
  giveBuildOptions(configuration, given);
  assert.is(buildOptionsOf(configuration), given);
  assert.is(buildOptionsOf({}).contentDir, process.env.NEWSDESK_CONTENT || "content");
});

options.run();
