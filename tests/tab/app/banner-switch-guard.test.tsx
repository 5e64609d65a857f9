/**
 * @jest-environment jsdom
 */
// Switching member or team in the sandbox banner asks before unsaved edits are thrown away, as switching views does;
// in that question "Keep editing" is the primary, focused choice.
import { fireEvent, render, screen, within } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import { TEAM_KEY, THEME_KEY, USER_KEY } from '../../../src/tab/src/app/boot';
import { ADELE, FakeCharterApi, FRESH_TEAM_ID, PRIYA, TEAM_ID } from '../support/fake-charter-api';

const now = () => new Date('2026-11-25T12:00:00Z');

async function editWithUnsavedPurpose(api: FakeCharterApi): Promise<HTMLElement> {
  for (const key of [TEAM_KEY, USER_KEY, THEME_KEY]) document.cookie = `${key}=; path=/; max-age=0`;
  render(<App host={{ kind: 'local' }} fetchFn={api.fetch} now={now} />);
  await screen.findByTestId('purpose');
  fireEvent.click(await screen.findByRole('button', { name: 'Edit charter' }));
  const form = await screen.findByRole('form', { name: 'Edit the charter' });
  fireEvent.change(within(form).getByRole('textbox', { name: /^Purpose/ }), {
    target: { value: 'Half-typed' },
  });
  return form;
}

/** Fluent's primary button: brand background, text on brand (as the tab's styles resolve them). */
function isPrimary(button: HTMLElement): boolean {
  return getComputedStyle(button).color === 'var(--colorNeutralForegroundOnBrand)';
}

describe('switching member or team in the sandbox banner with unsaved edits', () => {
  it('asks first; “Keep editing” (primary, focused) keeps the edits and the member shown', async () => {
    const api = new FakeCharterApi();
    const form = await editWithUnsavedPurpose(api);
    const member = (await screen.findByLabelText('Viewing as')) as HTMLSelectElement;
    fireEvent.change(member, { target: { value: PRIYA } });

    const guard = await screen.findByRole('alertdialog', { name: 'You have unsaved changes' });
    const keep = within(guard).getByRole('button', { name: 'Keep editing' });
    const discard = within(guard).getByRole('button', { name: 'Discard changes' });
    expect(isPrimary(keep)).toBe(true);
    expect(isPrimary(discard)).toBe(false);
    expect(document.activeElement).toBe(keep);

    fireEvent.click(keep);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(form).getByRole('textbox', { name: /^Purpose/ })).toHaveProperty('value', 'Half-typed');
    expect(member.value).toBe(ADELE);
    expect(api.requests.some((r) => r.headers['X-Local-User'] === PRIYA)).toBe(false);
  });

  it('“Discard changes” goes on to the member picked', async () => {
    const api = new FakeCharterApi();
    await editWithUnsavedPurpose(api);
    fireEvent.change(await screen.findByLabelText('Viewing as'), { target: { value: PRIYA } });
    const guard = await screen.findByRole('alertdialog', { name: 'You have unsaved changes' });
    fireEvent.click(within(guard).getByRole('button', { name: 'Discard changes' }));
    expect(await screen.findByText('Only editors change the charter: ask Adele Vance.')).toBeTruthy();
    expect(((await screen.findByLabelText('Viewing as')) as HTMLSelectElement).value).toBe(PRIYA);
  });

  it('asks before opening another team too, and goes there once the edits are discarded', async () => {
    const api = new FakeCharterApi();
    const form = await editWithUnsavedPurpose(api);
    const team = (await screen.findByLabelText('Team')) as HTMLSelectElement;
    fireEvent.change(team, { target: { value: FRESH_TEAM_ID } });
    const guard = await screen.findByRole('alertdialog', { name: 'You have unsaved changes' });
    expect(team.value).toBe(TEAM_ID);
    expect(within(form).getByRole('textbox', { name: /^Purpose/ })).toHaveProperty('value', 'Half-typed');

    fireEvent.click(within(guard).getByRole('button', { name: 'Discard changes' }));
    expect(await screen.findByRole('heading', { name: 'Your team has no charter yet' })).toBeTruthy();
  });

  it('switches at once when nothing is unsaved', async () => {
    const api = new FakeCharterApi();
    for (const key of [TEAM_KEY, USER_KEY, THEME_KEY]) document.cookie = `${key}=; path=/; max-age=0`;
    render(<App host={{ kind: 'local' }} fetchFn={api.fetch} now={now} />);
    await screen.findByTestId('purpose');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit charter' }));
    await screen.findByRole('form', { name: 'Edit the charter' });
    fireEvent.change(await screen.findByLabelText('Viewing as'), { target: { value: PRIYA } });
    expect(await screen.findByText('Only editors change the charter: ask Adele Vance.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('switching views with unsaved edits', () => {
  it('makes “Keep editing” the primary, focused choice', async () => {
    await editWithUnsavedPurpose(new FakeCharterApi());
    fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
    const guard = await screen.findByRole('alertdialog', { name: 'You have unsaved changes' });
    const keep = within(guard).getByRole('button', { name: 'Keep editing' });
    expect(isPrimary(keep)).toBe(true);
    expect(isPrimary(within(guard).getByRole('button', { name: 'Discard changes' }))).toBe(false);
    expect(document.activeElement).toBe(keep);
  });
});
