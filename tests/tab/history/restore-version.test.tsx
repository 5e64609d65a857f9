/**
 * @jest-environment jsdom
 */
// Restore saves a past version's content as a new version ("Restored from version N"), on top of the head it read
// (If-Match), never over history; the result is announced and the focus goes to the history's heading. When someone
// saved meanwhile, nothing is saved: the list is read again and the person is told.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import { TEAM_KEY, THEME_KEY, USER_KEY } from '../../../src/tab/src/app/boot';
import { ADELE, demoContent, FakeCharterApi, MEGAN } from '../support/fake-charter-api';
import { renderHistory } from './history-harness';

function twoVersions(): FakeCharterApi {
  const fake = new FakeCharterApi();
  fake.commit({ ...demoContent(), purpose: 'A newer purpose.' }, ADELE, 'Reworded.');
  return fake;
}

async function openVersion(n: number, author: string) {
  fireEvent.click(screen.getByRole('button', { name: `Open version ${n}` }));
  await screen.findByRole('heading', { level: 1, name: `Version ${n} by ${author}` });
}

describe('restoring a past version', () => {
  it('saves it as a new version with the reason, announces it and focuses the history', async () => {
    const { fake, onCharterChange } = await renderHistory({ fake: twoVersions() });
    await openVersion(1, 'Adele Vance');

    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));

    const status = await screen.findByText('Restored version 1 as version 3.');
    expect(status.closest('[role="status"]')).not.toBeNull();
    const heading = screen.getByRole('heading', { level: 1, name: 'History' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    // a new version on top; the history before it is as it was
    const [put] = fake.puts();
    expect(put?.headers['If-Match']).toBe('"2"');
    expect(put?.body.why).toBe('Restored from version 1');
    expect(put?.body.content).toEqual(demoContent());
    expect(fake.versions.map((v) => v.content.purpose)).toEqual([
      demoContent().purpose,
      'A newer purpose.',
      demoContent().purpose,
    ]);
    expect(onCharterChange).toHaveBeenCalledWith(expect.objectContaining({ version: 3 }));
    const list = screen.getByRole('list', { name: 'History' });
    expect(within(list).getByText('Restored from version 1')).toBeTruthy();
    expect(within(list).getByRole('button', { name: 'Open version 3' })).toBeTruthy();
  });

  it('saves nothing when someone saved meanwhile, reads the history again and says so', async () => {
    const { fake, onCharterChange } = await renderHistory({ fake: twoVersions() });
    await openVersion(1, 'Adele Vance');
    // Megan saves version 3 while Adele reads version 1
    fake.commit({ ...demoContent(), purpose: 'Megan’s purpose.', editorIds: [ADELE, MEGAN] }, MEGAN, null);

    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Someone saved version 3 while you were reading, so nothing was restored.',
    );
    expect(fake.versions).toHaveLength(3);
    expect(fake.versions.at(-1)?.content.purpose).toBe('Megan’s purpose.');
    expect(onCharterChange).toHaveBeenCalledWith();
    // still reading version 1; a second try is based on the version now on top
    expect(screen.getByRole('heading', { level: 1, name: 'Version 1 by Adele Vance' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
    expect(await screen.findByText('Restored version 1 as version 4.')).toBeTruthy();
    expect(fake.puts().map((p) => p.headers['If-Match'])).toEqual(['"2"', '"3"']);
  });

  it('says so when the version reads like the current charter (the server keeps no empty version)', async () => {
    const fake = twoVersions();
    fake.commit(demoContent(), ADELE, 'Back to the first purpose.');
    // like the server: a save that changes nothing answers with the head as it is
    const answer = fake.fetch;
    Object.assign(fake, {
      fetch: (url: string, init?: RequestInit) =>
        init?.method === 'PUT' ? answer(url, { headers: init.headers ?? {} }) : answer(url, init),
    });
    await renderHistory({ fake });
    await openVersion(1, 'Adele Vance');

    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));

    const status = await screen.findByText(
      'Version 1 reads like the current charter: there was nothing to restore.',
    );
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(fake.versions).toHaveLength(3);
    expect(screen.getByRole('heading', { level: 1, name: 'Version 1 by Adele Vance' })).toBeTruthy();
  });

  it('asks first when the version would take away the person’s edit rights', async () => {
    const fake = new FakeCharterApi();
    fake.commit({ ...demoContent(), editorIds: [ADELE, MEGAN] }, ADELE, 'Megan edits too.');
    await renderHistory({ fake, me: MEGAN });
    await openVersion(1, 'Adele Vance');

    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));

    const ask = await screen.findByRole('alertdialog', { name: 'Remove yourself as an editor?' });
    expect(fake.puts()).toHaveLength(0);
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore this version' })),
    );
    expect(fake.puts()).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove me and save' }));
    expect(await screen.findByText('Restored version 1 as version 3.')).toBeTruthy();
    expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { content: demoContent(), why: 'Restored from version 1', removeSelfAsEditor: true },
    ]);
  });

  it('brings the charter view to the restored version', async () => {
    for (const key of [TEAM_KEY, USER_KEY, THEME_KEY]) document.cookie = `${key}=; path=/; max-age=0`;
    const fake = twoVersions();
    render(
      <App host={{ kind: 'local' }} fetchFn={fake.fetch} now={() => new Date('2026-11-25T12:00:00Z')} />,
    );
    expect((await screen.findByTestId('purpose')).textContent).toBe('A newer purpose.');
    fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
    await screen.findByRole('list', { name: 'History' });
    await openVersion(1, 'Adele Vance');

    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
    await screen.findByText('Restored version 1 as version 3.');
    fireEvent.click(screen.getByRole('tab', { name: 'Charter' }));

    expect((await screen.findByTestId('purpose')).textContent).toBe(demoContent().purpose);
    expect(screen.getByText(/^Version 3 by Adele Vance/)).toBeTruthy();
  });
});
