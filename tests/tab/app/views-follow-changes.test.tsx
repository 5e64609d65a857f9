/**
 * @jest-environment jsdom
 */
// The page's views follow one another: a proposal accepted in the reviews panel is the version the charter view shows
// at once, a save in the editor brings the charter view and the panels to the new version, and the panel's "Updating
// the calendar…" settles within seconds of the review worker booking it, without the page being reloaded.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import { TEAM_KEY, THEME_KEY, USER_KEY } from '../../../src/tab/src/app/boot';
import { demoContent, FakeCharterApi } from '../support/fake-charter-api';
import { FakeReviewsServer } from '../support/fake-reviews-server';

const now = () => new Date('2026-11-25T12:00:00Z');

function renderLocal(server: FakeReviewsServer) {
  for (const key of [TEAM_KEY, USER_KEY, THEME_KEY]) document.cookie = `${key}=; path=/; max-age=0`;
  return render(<App host={{ kind: 'local' }} fetchFn={server.fetch} now={now} />);
}

const syncLine = () => screen.findByTestId('reviews-sync');

describe('the charter view and the reviews panel follow each other', () => {
  it('after Accept the charter view shows the version the panel names, and the sync settles without a reload', async () => {
    const server = new FakeReviewsServer(new FakeCharterApi());
    server.proposal = {
      id: 'p1',
      baseVersion: 1,
      summary: 'Review: 1 revised',
      content: { ...demoContent(), purpose: 'We help shops sell online, and say so.' },
      open: true,
    };
    renderLocal(server);
    expect(await screen.findByText(/^Version 1 by Adele Vance/)).toBeTruthy();
    expect((await syncLine()).textContent).toBe('The calendar is in step with charter version 1.');

    const panel = screen.getByTestId('reviews-panel');
    fireEvent.click(within(panel).getByRole('button', { name: 'Accept as new version' }));
    expect(await within(panel).findByText('Accepted: the charter is now at version 2.')).toBeTruthy();
    expect(await screen.findByText(/^Version 2 by Adele Vance/)).toBeTruthy();
    expect(screen.getByTestId('purpose').textContent).toBe('We help shops sell online, and say so.');
    expect(screen.queryByText(/^Version 1 by Adele Vance/)).toBeNull();
    // the worker books the new version a moment later: the panel sees it by asking again, with no reload
    await waitFor(() =>
      expect(screen.getByTestId('reviews-sync').textContent).toBe(
        'The calendar is in step with charter version 2.',
      ),
    );
    expect(server.reads).toContain('pending');
  });

  it('after a save the charter view and the panel show the new version, and “Updating the calendar…” settles in seconds', async () => {
    const charters = new FakeCharterApi();
    const server = new FakeReviewsServer(charters);
    server.readsBeforeBooked = 2;
    renderLocal(server);
    await screen.findByTestId('purpose');
    expect((await syncLine()).textContent).toBe('The calendar is in step with charter version 1.');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit charter' }));
    const form = await screen.findByRole('form', { name: 'Edit the charter' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Purpose/ }), {
      target: { value: 'A purpose saved from the editor.' },
    });
    fireEvent.submit(form);

    expect(await screen.findByText(/^Version 2 by Adele Vance/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('reviews-sync').textContent).toBe('Updating the calendar…'),
    );
    const asked = Date.now();
    await waitFor(() =>
      expect(screen.getByTestId('reviews-sync').textContent).toBe(
        'The calendar is in step with charter version 2.',
      ),
    );
    // two polls a second and a half apart, not a long fixed wait
    expect(Date.now() - asked).toBeLessThan(6_000);
    expect(server.reads.filter((r) => r === 'pending')).toHaveLength(2);
  });
});
