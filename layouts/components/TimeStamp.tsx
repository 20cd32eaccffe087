import type { DateTime } from "luxon";
import { displayDate, isoDateTime, shortDate } from "../../src/dates/dates.ts";

/** A `<time>` with the machine-readable instant and the date as readers in the publication's zone see it. */
export function TimeStamp(props: { date: DateTime; locale: string; dateOnly?: boolean; short?: boolean }) {
  const text = props.short
    ? shortDate(props.date, props.locale)
    : displayDate(props.date, props.locale, props.dateOnly);
  return <time datetime={isoDateTime(props.date)}>{text}</time>;
}
