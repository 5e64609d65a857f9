/** Dates and times for people: Intl in the viewer's locale, in a given IANA zone. */

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Formatters by locale and zone: making one costs far more than formatting with it, and lists format many dates. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(date: Date | string, timeZone: string, locale?: string): string {
  const key = `${locale ?? ''} ${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    dateTimeFormats.set(key, format);
  }
  return format.format(typeof date === 'string' ? new Date(date) : date);
}

/** A list like "Monday and Thursday" in the viewer's language. */
export function formatList(items: readonly string[], locale?: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
