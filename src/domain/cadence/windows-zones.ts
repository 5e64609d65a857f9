/**
 * IANA time zone names ↔ Windows time zone names, for Graph's `dateTimeTimeZone.timeZone` and
 * `recurrenceRange.recurrenceTimeZone`. Graph takes Windows names everywhere but only a listed subset of IANA names
 * (https://learn.microsoft.com/graph/api/resources/datetimetimezone), so every booking is sent with a Windows name.
 *
 * The data is Unicode CLDR's, as published by the Unicode Consortium on npm (pinned; plain JSON, read at load time,
 * no network):
 * - `cldr-core/supplemental/windowsZones.json`: the windowsZones table, Windows name → IANA names per territory
 *   ("001" marks the zone Windows itself maps to);
 * - `cldr-bcp47/bcp47/timezone.json`: every IANA name with its aliases (`Asia/Calcutta` = `Asia/Kolkata`,
 *   `America/Indianapolis` = `America/Indiana/Indianapolis`, `Europe/Kiev` = `Europe/Kyiv`, `UTC` = `Etc/UTC`) and
 *   the name IANA currently prefers (`_iana`, else the first alias).
 * With CLDR 48 every zone Node's Intl knows maps to exactly one Windows zone except `Antarctica/Troll` (+00/+02,
 * which Windows does not have). To refresh: bump both packages together; the tests pin the zones we rely on.
 */
import bcp47TimeZones from 'cldr-bcp47/bcp47/timezone.json';
import windowsZonesData from 'cldr-core/supplemental/windowsZones.json';

interface AliasGroup {
  /** The name IANA prefers today, e.g. `Asia/Kolkata`. */
  preferred: string;
  /** Every name of the zone, the preferred one included. */
  names: readonly string[];
}

const groupByName = new Map<string, AliasGroup>();
for (const entry of Object.values(bcp47TimeZones.keyword.u.tz) as unknown[]) {
  if (typeof entry !== 'object' || entry === null) continue;
  const { _alias: alias, _iana: iana } = entry as { _alias?: unknown; _iana?: unknown };
  if (typeof alias !== 'string') continue;
  const names = alias.split(' ');
  const group: AliasGroup = { preferred: typeof iana === 'string' ? iana : (names[0] as string), names };
  for (const name of group.names) groupByName.set(name, group);
}

const windowsByIana = new Map<string, string>();
const goldenIanaByWindows = new Map<string, string>();
for (const { mapZone } of windowsZonesData.supplemental.windowsZones.mapTimezones) {
  for (const name of mapZone._type.split(' ')) {
    if (!windowsByIana.has(name)) windowsByIana.set(name, mapZone._other);
  }
  if (mapZone._territory === '001') {
    const golden = mapZone._type.split(' ')[0] as string;
    goldenIanaByWindows.set(mapZone._other, groupByName.get(golden)?.preferred ?? golden);
  }
}

const nameByLowerCase = new Map<string, string>();
for (const name of groupByName.keys()) nameByLowerCase.set(name.toLowerCase(), name);

/** The Windows zone for an IANA zone or any of its aliases, e.g. `Asia/Calcutta` → `India Standard Time`. */
export function findWindowsZone(ianaZone: string): string | undefined {
  const direct = windowsByIana.get(ianaZone);
  if (direct !== undefined) return direct;
  // CLDR lists each zone under one of its names only; try the others.
  for (const name of groupByName.get(ianaZone)?.names ?? []) {
    const windows = windowsByIana.get(name);
    if (windows !== undefined) return windows;
  }
  return undefined;
}

/** Like `findWindowsZone`, but an IANA zone with no Windows equivalent is an error (validation reports it first). */
export function toWindowsZone(ianaZone: string): string {
  const windows = findWindowsZone(ianaZone);
  if (windows === undefined) {
    throw new Error(`No Windows time zone for IANA zone "${ianaZone}"; Graph cannot book in it.`);
  }
  return windows;
}

/** The name IANA prefers for a zone, e.g. `Asia/Calcutta` → `Asia/Kolkata`; undefined for an unknown name. */
export function preferredIanaZone(ianaZone: string): string | undefined {
  return groupByName.get(ianaZone)?.preferred;
}

/** A known IANA name spelled with other capitals (`europe/berlin` → `Europe/Berlin`), for helpful messages. */
export function ianaZoneIgnoringCase(name: string): string | undefined {
  return nameByLowerCase.get(name.toLowerCase());
}

/**
 * The IANA zone Windows maps a Windows zone to (CLDR territory "001"), by its preferred name, e.g.
 * `India Standard Time` → `Asia/Kolkata`, for reading times Graph sends back with a Windows name.
 */
export function ianaZoneForWindowsZone(windowsZone: string): string | undefined {
  return goldenIanaByWindows.get(windowsZone);
}
