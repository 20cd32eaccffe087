import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildTime, displayDate, isoDateTime, parseContentDate, shortDate } from "../../src/dates/dates.ts";

const BANGKOK = "Asia/Bangkok";

function parsed(text: string, zone = BANGKOK) {
  const result = parseContentDate(text, zone);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const dates = suite("article dates are read and shown in the publication's time zone");

dates("a 23:30 UTC article shows the next day in Asia/Bangkok", () => {
  const { date } = parsed("2023-11-03T23:30:00Z");
  assert.is(displayDate(date, "en-GB"), "4 November 2023, 06:30 GMT+7");
  assert.is(isoDateTime(date), "2023-11-04T06:30:00+07:00");
});

dates("a zone's name follows daylight saving: summer and winter in London, and each locale's own name", () => {
  assert.is(displayDate(parsed("2023-07-01T09:30", "Europe/London").date, "en-GB"), "1 July 2023, 09:30 BST");
  assert.is(displayDate(parsed("2023-12-01T09:30", "Europe/London").date, "en-GB"), "1 December 2023, 09:30 GMT");
  assert.is(displayDate(parsed("2023-07-01T09:30", "Europe/Berlin").date, "en-GB"), "1 July 2023, 09:30 CEST");
  assert.is(displayDate(parsed("2023-07-01T09:30", "Europe/Berlin").date, "de-DE"), "1 Juli 2023, 09:30 MESZ");
});

dates("a bare date is that calendar day in the publication's zone, shown without a time", () => {
  const { date, dateOnly } = parsed("2023-11-03");
  assert.is(isoDateTime(date), "2023-11-03T00:00:00+07:00");
  assert.is(dateOnly, true);
  assert.is(displayDate(date, "en-GB", dateOnly), "3 November 2023");
});

dates("a date-time with an offset keeps its instant", () => {
  assert.is(isoDateTime(parsed("2023-11-03T09:30:00+07:00").date), "2023-11-03T09:30:00+07:00");
  assert.is(isoDateTime(parsed("2023-11-03T09:30:00-05:00").date), "2023-11-03T21:30:00+07:00");
});

dates("a date-time without an offset is wall-clock time in the publication's zone", () => {
  assert.is(isoDateTime(parsed("2023-11-03T09:30").date), "2023-11-03T09:30:00+07:00");
  assert.is(isoDateTime(parsed("2023-07-01T09:30", "Europe/London").date), "2023-07-01T09:30:00+01:00");
});

dates("midnight at a month boundary stays in the right month in Bangkok", () => {
  assert.is(shortDate(parsed("2023-12-31T17:00:00Z").date, "en-GB"), "1 Jan 2024");
  assert.is(shortDate(parsed("2023-12-31T16:59:59Z").date, "en-GB"), "31 Dec 2023");
});

dates("nonsense is refused with an example of the right form", () => {
  assert.equal(parseContentDate("3rd of November", BANGKOK), {
    ok: false,
    reason: '"3rd of November" is not a date: write it like 2023-11-03 or 2023-11-03T09:30:00+07:00',
  });
  assert.is(parseContentDate("2023-02-30", BANGKOK).ok, false);
});

dates("the build's now comes from NEWSDESK_NOW when set and must be a date-time", () => {
  assert.is(buildTime("2024-06-01T00:00:00Z").toUTC().toISO(), "2024-06-01T00:00:00.000Z");
  assert.throws(() => buildTime("soon"), /NEWSDESK_NOW: "soon" is not an ISO 8601 date-time/);
});

dates.run();
