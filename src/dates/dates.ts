import { DateTime } from "luxon";

/** The result of reading a front-matter date: the instant, or why it could not be read. */
export type ParsedDate = { ok: true; date: DateTime; dateOnly: boolean } | { ok: false; reason: string };

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads an ISO 8601 date or date-time as written by a writer. A date-time with an offset keeps its instant;
 * a bare calendar day or a time without offset means that wall-clock time in `zone`.
 */
export function parseContentDate(text: string, zone: string): ParsedDate {
  const trimmed = text.trim();
  const date = DateTime.fromISO(trimmed, { zone, setZone: false });
  if (!date.isValid) {
    return { ok: false, reason: `"${trimmed}" is not a date: write it like 2023-11-03 or 2023-11-03T09:30:00+07:00` };
  }
  return { ok: true, date: date.setZone(zone), dateOnly: calendarDay.test(trimmed) };
}

// An article's date is formatted on every list it appears in; luxon's zone formatting is costly, so remember it.
const formatted = new WeakMap<DateTime, Map<string, string>>();

function remember(date: DateTime, key: string, format: () => string): string {
  let byKey = formatted.get(date);
  if (!byKey) {
    byKey = new Map();
    formatted.set(date, byKey);
  }
  let text = byKey.get(key);
  if (text === undefined) {
    text = format();
    byKey.set(key, text);
  }
  return text;
}

// A zone's short offset name ("GMT+7", "CEST") is the same for every date with the same offset, and luxon asks Intl
// for it afresh each time (a third of a millisecond): one name per zone, offset and locale.
const offsetNames = new Map<string, string>();

function offsetName(local: DateTime): string {
  const key = `${local.zoneName} ${local.offset} ${local.locale}`;
  let name = offsetNames.get(key);
  if (name === undefined) {
    name = local.toFormat("ZZZZ");
    offsetNames.set(key, name);
  }
  return name;
}

/** The date as readers see it in the publication's zone: "3 November 2023", with ", 09:30 GMT+7" unless `dateOnly`. */
export function displayDate(date: DateTime, locale: string, dateOnly = false): string {
  return remember(date, `display ${locale} ${dateOnly}`, () => {
    const local = date.setLocale(locale);
    return dateOnly ? local.toFormat("d MMMM yyyy") : `${local.toFormat("d MMMM yyyy, HH:mm")} ${offsetName(local)}`;
  });
}

/** The short date used in lists: "3 Nov 2023". */
export function shortDate(date: DateTime, locale: string): string {
  return remember(date, `short ${locale}`, () => date.setLocale(locale).toFormat("d MMM yyyy"));
}

/** The machine-readable instant for `<time datetime>`, feeds and structured data, with the zone's offset. */
export function isoDateTime(date: DateTime): string {
  return remember(date, "iso", () => date.toISO({ suppressMilliseconds: true }) ?? "");
}

/** The instant a build treats as "now": `NEWSDESK_NOW` when set (previews, tests), else the clock. */
export function buildTime(nowText: string | undefined): DateTime {
  if (!nowText) return DateTime.now();
  const parsed = DateTime.fromISO(nowText, { setZone: true });
  if (!parsed.isValid) throw new Error(`NEWSDESK_NOW: "${nowText}" is not an ISO 8601 date-time`);
  return parsed;
}
