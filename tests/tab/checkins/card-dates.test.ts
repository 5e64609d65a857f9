// A card's DATE()/TIME() functions formatted in the member's zone, in text only: what goes back to the bot is untouched.
import { withCardDatesIn } from '../../../src/tab/src/checkins/card-dates';

describe('card dates in a member’s zone', () => {
  it('formats the functions in text, labels and facts in the given zone, and leaves inputs and action data alone', () => {
    const at = '2026-11-30T02:00:00Z';
    const card = {
      body: [
        { type: 'TextBlock', text: `Until {{DATE(${at}, SHORT)}} {{TIME(${at})}}` },
        { type: 'Input.Text', id: 'note', label: `Due {{DATE(${at})}}`, value: `{{TIME(${at})}}` },
        { type: 'FactSet', facts: [{ title: 'Closes', value: `{{TIME(${at})}}` }] },
        // A member's text with a zero-width space between the braces (escape-card-text.ts) is no function.
        { type: 'TextBlock', text: `{\u200B{TIME(${at})}}` },
      ],
      actions: [{ type: 'Action.Execute', title: 'Send', data: { note: `{{TIME(${at})}}` } }],
    };
    const tokyo = withCardDatesIn(card, 'Asia/Tokyo');
    const time = (zone: string) =>
      new Date(at).toLocaleTimeString(undefined, { timeZone: zone, hour: 'numeric', minute: '2-digit' });
    const date = new Date(at).toLocaleDateString(undefined, {
      timeZone: 'Asia/Tokyo',
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    });
    expect(tokyo.body[0]).toEqual({ type: 'TextBlock', text: `Until ${date} ${time('Asia/Tokyo')}` });
    expect(tokyo.body[1]).toEqual({
      type: 'Input.Text',
      id: 'note',
      label: `Due ${new Date(at).toLocaleDateString(undefined, { timeZone: 'Asia/Tokyo' })}`,
      value: `{{TIME(${at})}}`,
    });
    expect(tokyo.body[2]).toEqual({
      type: 'FactSet',
      facts: [{ title: 'Closes', value: time('Asia/Tokyo') }],
    });
    expect(tokyo.body[3]).toEqual(card.body[3]);
    expect(tokyo.actions).toEqual(card.actions);
    expect(time('Asia/Tokyo')).not.toBe(time('America/New_York'));
    expect(withCardDatesIn(card, 'America/New_York').body[2]).toEqual({
      type: 'FactSet',
      facts: [{ title: 'Closes', value: time('America/New_York') }],
    });
  });
});
