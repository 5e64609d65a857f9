import { IANAZone } from 'luxon';

/** True when `zone` is an IANA zone name this runtime knows (e.g. `Europe/Berlin`). */
export function isValidTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && zone.length > 0 && zone.length <= 64 && IANAZone.isValidZone(zone);
}
