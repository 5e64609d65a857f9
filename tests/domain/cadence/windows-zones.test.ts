import {
  findWindowsZone,
  ianaZoneForWindowsZone,
  ianaZoneIgnoringCase,
  preferredIanaZone,
  toWindowsZone,
} from '../../../src/domain/cadence/windows-zones';

describe('IANA → Windows zone names (CLDR windowsZones)', () => {
  it.each([
    ['America/New_York', 'Eastern Standard Time'],
    ['Europe/Berlin', 'W. Europe Standard Time'],
    ['Australia/Lord_Howe', 'Lord Howe Standard Time'],
    ['Asia/Kolkata', 'India Standard Time'],
    ['Pacific/Chatham', 'Chatham Islands Standard Time'],
    ['Europe/London', 'GMT Standard Time'],
    ['Europe/Dublin', 'GMT Standard Time'],
    ['America/Santiago', 'Pacific SA Standard Time'],
    ['Asia/Tokyo', 'Tokyo Standard Time'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
  ])('maps %s to %s', (iana, windows) => {
    expect(toWindowsZone(iana)).toBe(windows);
  });

  it.each([
    ['Asia/Calcutta', 'Asia/Kolkata', 'India Standard Time'],
    ['America/Indianapolis', 'America/Indiana/Indianapolis', 'US Eastern Standard Time'],
    ['America/Fort_Wayne', 'America/Indiana/Indianapolis', 'US Eastern Standard Time'],
    ['Europe/Kiev', 'Europe/Kyiv', 'FLE Standard Time'],
    ['US/Pacific', 'America/Los_Angeles', 'Pacific Standard Time'],
    ['Asia/Saigon', 'Asia/Ho_Chi_Minh', 'SE Asia Standard Time'],
  ])('resolves the alias %s (= %s) to %s', (alias, preferred, windows) => {
    expect(toWindowsZone(alias)).toBe(windows);
    expect(toWindowsZone(preferred)).toBe(windows);
    expect(preferredIanaZone(alias)).toBe(preferred);
  });

  it('knows the zones IANA added or renamed recently (Kyiv 2022, Ciudad Juárez 2022)', () => {
    expect(findWindowsZone('Europe/Kyiv')).toBe('FLE Standard Time');
    expect(findWindowsZone('America/Ciudad_Juarez')).toBe('Mountain Standard Time');
  });

  it('maps every zone this runtime knows except Antarctica/Troll, which Windows has no zone for', () => {
    const unmapped = Intl.supportedValuesOf('timeZone').filter((zone) => findWindowsZone(zone) === undefined);
    expect(unmapped).toEqual(['Antarctica/Troll']);
  });

  it('refuses an unknown zone with an error that names it', () => {
    expect(findWindowsZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(() => toWindowsZone('Mars/Olympus_Mons')).toThrow('"Mars/Olympus_Mons"');
  });

  it('matches names exactly, and finds the right capitals for a name typed in other case', () => {
    expect(findWindowsZone('europe/berlin')).toBeUndefined();
    expect(ianaZoneIgnoringCase('europe/berlin')).toBe('Europe/Berlin');
  });
});

describe('Windows → IANA zone names', () => {
  it.each([
    ['India Standard Time', 'Asia/Kolkata'],
    ['Eastern Standard Time', 'America/New_York'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['US Eastern Standard Time', 'America/Indiana/Indianapolis'],
    ['UTC', 'Etc/UTC'],
  ])('reads %s back as %s, by the name IANA prefers', (windows, iana) => {
    expect(ianaZoneForWindowsZone(windows)).toBe(iana);
  });

  it('round-trips the zone Windows itself uses for every Windows zone name', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const windows = findWindowsZone(zone);
      if (windows === undefined) continue;
      const back = ianaZoneForWindowsZone(windows);
      expect(back).toBeDefined();
      expect(findWindowsZone(back as string)).toBe(windows);
    }
  });
});
