import { isQuietMinute, minuteOfDay } from '../../../src/domain/checkin/quiet-hours';

describe('quiet hours', () => {
  it('covers a span across midnight from its start up to, not including, its end', () => {
    const overnight = { start: '19:00', end: '08:00' };
    expect(isQuietMinute(minuteOfDay('19:00'), overnight)).toBe(true);
    expect(isQuietMinute(minuteOfDay('02:30'), overnight)).toBe(true);
    expect(isQuietMinute(minuteOfDay('08:00'), overnight)).toBe(false);
    expect(isQuietMinute(minuteOfDay('18:59'), overnight)).toBe(false);
  });

  it('covers a span within one day', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(isQuietMinute(minuteOfDay('12:30'), lunch)).toBe(true);
    expect(isQuietMinute(minuteOfDay('13:00'), lunch)).toBe(false);
  });

  it('is never quiet without quiet hours or with an empty span', () => {
    expect(isQuietMinute(minuteOfDay('03:00'), null)).toBe(false);
    expect(isQuietMinute(minuteOfDay('03:00'), { start: '09:00', end: '09:00' })).toBe(false);
  });
});
