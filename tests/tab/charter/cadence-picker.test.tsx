/**
 * @jest-environment jsdom
 */
// The cadence picker: each weekday is its own control, a start time the clocks skip or repeat is explained beside
// "Next 5", and a check-in time inside the quiet hours is flagged.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';

import type { Cadence } from '../../../src/domain/cadence/cadence';
import type { QuietHours } from '../../../src/domain/charter/charter';
import { CadencePicker } from '../../../src/tab/src/charter/cadence-picker';

const SUNDAYS_LONDON: Cadence = {
  pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['sunday'] },
  startTime: '01:30',
  durationMinutes: 30,
  timeZone: 'Europe/London',
  startDate: '2026-03-01',
  endDate: null,
};

function Picker({ initial, quietHours }: { initial: Cadence; quietHours?: QuietHours | null }) {
  const [value, setValue] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <CadencePicker
        path="checkIns.cadence"
        value={value}
        onChange={setValue}
        errorAt={() => undefined}
        onBlurPath={() => undefined}
        viewerZone="Europe/London"
        zones={['Europe/London', 'Europe/Berlin']}
        now={new Date('2026-03-20T00:00:00Z')}
        quietHours={quietHours ?? null}
      />
    </FluentProvider>
  );
}

describe('cadence picker', () => {
  it('clicking the label "Friday" ticks Friday and nothing else', () => {
    render(<Picker initial={SUNDAYS_LONDON} />);
    const days = screen.getByRole('group', { name: 'On' });
    fireEvent.click(within(days).getByText('Friday'));
    const ticked = within(days)
      .getAllByRole('checkbox')
      .filter((b) => (b as HTMLInputElement).checked)
      .map((b) => b.getAttribute('aria-label') ?? (b as HTMLInputElement).labels?.[0]?.textContent);
    expect(ticked).toEqual(['Sunday', 'Friday']);
  });

  it('says beside "Next 5" that 01:30 does not exist on 29 Mar and when it runs instead', () => {
    render(<Picker initial={SUNDAYS_LONDON} />);
    expect(screen.getByTestId('dst-note').textContent).toBe(
      '01:30 does not exist on 29 Mar (the clocks go forward); it runs at 02:30.',
    );
  });

  it('flags a start time inside the quiet hours, and not one outside them', () => {
    const { unmount } = render(
      <Picker initial={SUNDAYS_LONDON} quietHours={{ start: '19:00', end: '08:00' }} />,
    );
    expect(screen.getByTestId('quiet-note').textContent).toContain(
      '01:30 is inside the quiet hours (19:00–08:00)',
    );
    unmount();
    render(
      <Picker
        initial={{ ...SUNDAYS_LONDON, startTime: '10:00' }}
        quietHours={{ start: '19:00', end: '08:00' }}
      />,
    );
    expect(screen.queryByTestId('quiet-note')).toBeNull();
    expect(screen.queryByTestId('dst-note')).toBeNull();
  });
});
