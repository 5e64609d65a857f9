/**
 * Wall times in a Windows zone ↔ instants, as Exchange stores a recurring meeting's occurrences: a start that falls
 * in a spring-forward gap moves forward by the gap's length; one that happens twice (fall-back) is the earlier
 * instant. Independent of src/domain/cadence/zoned-time.ts on purpose (the DST tests compare the two); only the
 * Windows → IANA name table is shared.
 */
import { IANAZone } from 'luxon';

import { ianaZoneForWindowsZone } from '../../domain/cadence/windows-zones';

const MS_PER_HOUR = 3_600_000;

/** The IANA zone to compute a Graph `timeZone` (Windows name, `UTC`, or an IANA name) with; undefined if unknown. */
export function ianaFor(graphZone: string): string | undefined {
  if (graphZone === 'UTC' || graphZone === 'Etc/UTC') return 'UTC';
  const fromWindows = ianaZoneForWindowsZone(graphZone);
  if (fromWindows) return fromWindows;
  return IANAZone.isValidZone(graphZone) ? graphZone : undefined;
}

/** `2026-01-08T15:00:00` (fractions allowed) in `graphZone` → epoch ms. */
export function wallToInstant(dateTime: string, graphZone: string): number {
  const iana = ianaFor(graphZone);
  if (!iana) throw new Error(`Unknown time zone ${graphZone}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(dateTime);
  if (!m) throw new Error(`Not a dateTime: ${dateTime}`);
  const [y, mo, d, h, mi, se] = m.slice(1).map((part) => Number(part ?? 0)) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, se);
  const zone = IANAZone.create(iana);
  const before = zone.offset(asUtc - 12 * MS_PER_HOUR);
  const after = zone.offset(asUtc + 12 * MS_PER_HOUR);
  const candidates = [asUtc - before * 60_000, asUtc - after * 60_000].filter(
    (instant) => zone.offset(instant) * 60_000 === asUtc - instant,
  );
  if (candidates.length === 0) return asUtc - before * 60_000; // in the gap: the old offset moves it forward
  return Math.min(...candidates);
}

/** Epoch ms → `2026-01-08T15:00:00.0000000` in `graphZone`, as Graph writes `dateTimeTimeZone.dateTime`. */
export function instantToWall(instant: number, graphZone: string): string {
  const iana = ianaFor(graphZone) ?? 'UTC';
  const offset = IANAZone.create(iana).offset(instant);
  return `${new Date(instant + offset * 60_000).toISOString().slice(0, 19)}.0000000`;
}
