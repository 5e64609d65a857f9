/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import type { CharterResponse } from '../../src/contract/api-types';
import { App } from '../../src/tab/src/app/app';
import {
  type BootData,
  readBootData,
  readStored,
  startTab,
  store,
  TEAM_KEY,
  THEME_KEY,
  USER_KEY,
} from '../../src/tab/src/app/boot';
import {
  ADELE,
  ALEX,
  demoContent,
  FakeCharterApi,
  FRESH_TEAM_ID,
  MEMBERS,
  NESTOR,
  PRIYA,
  TEAM_ID,
} from './support/fake-charter-api';

const now = () => new Date('2026-11-25T12:00:00Z');

/** Forgets the sandbox's choices (the cookies the tab keeps them in). */
function forgetChoices(): void {
  for (const key of [TEAM_KEY, USER_KEY, THEME_KEY]) document.cookie = `${key}=; path=/; max-age=0`;
}

function renderLocal(api: FakeCharterApi) {
  forgetChoices();
  return render(<App host={{ kind: 'local' }} fetchFn={api.fetch} now={now} />);
}

describe('the charter tab in the local sandbox', () => {
  it('shows the sandbox banner, a member picker and the demo charter read as the first member', async () => {
    const api = new FakeCharterApi();
    renderLocal(api);
    expect(await screen.findByTestId('purpose')).toHaveProperty(
      'textContent',
      'We help small retailers sell online without hiring an IT team.',
    );
    expect(screen.getByRole('region', { name: 'Local sandbox' })).toBeTruthy();
    // the pickers follow the charter's first paint
    expect(((await screen.findByLabelText('Viewing as')) as HTMLSelectElement).value).toBe(ADELE);
    expect((screen.getByLabelText('Team') as HTMLSelectElement).value).toBe(TEAM_ID);
    expect(
      api.requests
        .filter((r) => r.url.startsWith('/api/teams'))
        .every((r) => r.headers['X-Local-User'] === ADELE),
    ).toBe(true);
    // the schedule follows the purpose: the next check-in round in the viewer's zone (Berlin, Monday 10:00)
    expect((await screen.findByRole('list', { name: 'Next round' })).textContent).toMatch(
      /Mon, Nov 30, 2026/,
    );
  });

  it('switching to a member who is not an editor sends their id and hides editing', async () => {
    const api = new FakeCharterApi();
    renderLocal(api);
    await screen.findByTestId('purpose');
    expect(screen.getByRole('button', { name: 'Edit charter' })).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('Viewing as'), { target: { value: PRIYA } });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Edit charter' })).toBeNull());
    expect(
      await screen.findByText('Only editors change the charter: ask Adele Vance.', { exact: false }),
    ).toBeTruthy();
    // …and offers a chat with the editors, the request drafted
    const ask = new URL(screen.getByRole('link', { name: 'Ask them in a chat' }).getAttribute('href') ?? '');
    expect(`${ask.origin}${ask.pathname}`).toBe('https://teams.microsoft.com/l/chat/0/0');
    expect(ask.searchParams.get('users')).toBe('adele@contoso.example');
    expect(ask.searchParams.get('message')).toContain('Contoso Product Team charter');
    expect(api.requests.at(-1)?.headers['X-Local-User']).toBe(PRIYA);
    expect(screen.queryByRole('tab', { name: 'Edit' })).toBeNull();
  });

  it('offers to create the charter when the team has none', async () => {
    renderLocal(new FakeCharterApi(false));
    expect(await screen.findByRole('heading', { name: 'Your team has no charter yet' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create your charter' }));
    expect(await screen.findByRole('heading', { name: 'Create your charter' })).toBeTruthy();
  });
});

describe('a team without a charter', () => {
  it('tells a member who may not write the first charter whom to ask, and offers no editor', async () => {
    const api = new FakeCharterApi(false);
    forgetChoices();
    store(USER_KEY, PRIYA);
    render(<App host={{ kind: 'local' }} fetchFn={api.fetch} now={now} />);
    expect(
      await screen.findByRole('heading', {
        name: 'Your team has no charter yet — ask Adele Vance to create one.',
      }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create your charter' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Edit' })).toBeNull();
    expect(api.requests.at(-1)?.headers['X-Local-User']).toBe(PRIYA);
  });

  it('offers the member who may write it "Create your charter"', async () => {
    renderLocal(new FakeCharterApi(false)); // Adele added the app to the team
    expect(await screen.findByRole('heading', { name: 'Your team has no charter yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create your charter' })).toBeTruthy();
    expect(await screen.findByRole('tab', { name: 'Edit' })).toBeTruthy();
  });
});

describe('the sandbox’s second team', () => {
  it('the team picker opens the team without a charter as its first member, and its members replace the picker’s', async () => {
    const api = new FakeCharterApi();
    renderLocal(api);
    await screen.findByTestId('purpose');
    fireEvent.change(await screen.findByLabelText('Team'), { target: { value: FRESH_TEAM_ID } });
    expect(await screen.findByRole('heading', { name: 'Your team has no charter yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create your charter' })).toBeTruthy();
    const picker = (await screen.findByLabelText('Viewing as')) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual([ALEX, NESTOR]);
    expect(picker.value).toBe(ALEX);
    expect(api.requests.at(-1)?.url).toBe(`/api/teams/${FRESH_TEAM_ID}/charter`);
    expect(api.requests.at(-1)?.headers['X-Local-User']).toBe(ALEX);

    fireEvent.change(picker, { target: { value: NESTOR } });
    expect(
      await screen.findByRole('heading', {
        name: 'Your team has no charter yet — ask Alex Wilber to create one.',
      }),
    ).toBeTruthy();
    expect(readStored(TEAM_KEY)).toBe(FRESH_TEAM_ID);
  });

  it('?team= opens that team first', async () => {
    window.history.replaceState(null, '', `/tab/?team=${FRESH_TEAM_ID}`);
    try {
      renderLocal(new FakeCharterApi());
      expect(await screen.findByRole('heading', { name: 'Your team has no charter yet' })).toBeTruthy();
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });
});

describe('starting from the data embedded in the page (local mode)', () => {
  async function bootData(api: FakeCharterApi): Promise<BootData> {
    const get = async (path: string) =>
      (await api.fetch(path, { headers: { 'X-Local-User': ADELE } })).json();
    const context = (await (await api.fetch('/api/local/context')).json()) as BootData['context'];
    const { members } = (await get(`/api/teams/${TEAM_ID}/members`)) as { members: typeof MEMBERS };
    return {
      context,
      theme: null,
      initial: {
        teamId: TEAM_ID,
        userId: ADELE,
        me: (await get('/api/me')) as NonNullable<BootData['initial']>['me'],
        members,
        charter: (await get(`/api/teams/${TEAM_ID}/charter`)) as CharterResponse,
        firstCharter: null,
      },
    };
  }

  it('shows the first member the charter at the first render, without a request; a member picked later is fetched', async () => {
    const api = new FakeCharterApi();
    const data = await bootData(api);
    const team = data.context.teams[0];
    if (!team) throw new Error('the fake has a team');
    team.teamName = '</script><b>Contoso</b>'; // the server escapes "<" in the data block
    const page = document.implementation.createHTMLDocument();
    page.body.innerHTML = `<script type="application/json" id="tab-boot">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
    const boot = readBootData(page);
    expect(boot?.context.teams[0]?.teamName).toBe('</script><b>Contoso</b>');
    api.requests = [];
    forgetChoices();
    const host = { kind: 'local' } as const;
    render(<App host={host} fetchFn={api.fetch} now={now} start={startTab(host, boot)} />);
    expect(screen.getByTestId('purpose').textContent).toBe(demoContent().purpose);
    expect(api.requests).toEqual([]);

    fireEvent.change(await screen.findByLabelText('Viewing as'), { target: { value: PRIYA } });
    expect(
      await screen.findByText('Only editors change the charter: ask Adele Vance.', { exact: false }),
    ).toBeTruthy();
    // the charter's three calls went out for the member picked, none for the first (the panels fetch for whoever shows)
    const charterCalls = api.requests.filter((r) => /\/api\/me$|\/members$|\/charter$/.test(r.url));
    expect(charterCalls.map((r) => r.headers['X-Local-User'])).toEqual([PRIYA, PRIYA, PRIYA]);
  });
});

describe('the editor', () => {
  async function openEditor(api: FakeCharterApi) {
    renderLocal(api);
    await screen.findByTestId('purpose');
    fireEvent.click(screen.getByRole('button', { name: 'Edit charter' }));
    return screen.findByRole('form', { name: 'Edit the charter' });
  }

  it('shows the server’s own message next to an emptied purpose once the field is left', async () => {
    const api = new FakeCharterApi();
    const form = await openEditor(api);
    const purpose = within(form).getByRole('textbox', { name: /^Purpose/ });
    fireEvent.change(purpose, { target: { value: '   ' } });
    fireEvent.blur(purpose);
    expect(await within(form).findByText('Write the purpose: why this team’s work matters.')).toBeTruthy();
    fireEvent.submit(form);
    expect(await within(form).findByText('One field needs attention.')).toBeTruthy();
    expect(api.puts()).toHaveLength(0);
  });

  it('puts a 400 from the server next to the field its path names', async () => {
    const api = new FakeCharterApi();
    const form = await openEditor(api);
    api.nextPutProblem = {
      status: 400,
      body: {
        title: 'Some fields need attention',
        detail: 'x',
        errors: [{ path: 'nonNegotiables.1.text', message: 'Server says: reword this.' }],
      },
    };
    fireEvent.submit(form);
    const message = await within(form).findByText('Server says: reword this.');
    const field = within(form).getByRole('textbox', { name: 'Non-negotiable 2' });
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
  });

  it('on 412 shows what changed meanwhile, keeps the typing and saves on top of the newer version', async () => {
    const api = new FakeCharterApi();
    const form = await openEditor(api);
    // someone else saves version 2 (a new non-negotiable) while we type a new purpose
    api.commit(
      {
        ...demoContent(),
        nonNegotiables: [...demoContent().nonNegotiables, { id: 'nn3', text: 'We ship on Tuesdays.' }],
      },
      ADELE,
      'Added a rule',
    );
    const purpose = within(form).getByRole('textbox', { name: /^Purpose/ });
    fireEvent.change(purpose, { target: { value: 'Our new purpose, typed with care.' } });
    fireEvent.submit(form);

    const conflict = await screen.findByTestId('conflict');
    expect(within(conflict).getByText('We ship on Tuesdays.')).toBeTruthy();
    expect((purpose as HTMLTextAreaElement).value).toBe('Our new purpose, typed with care.');

    fireEvent.click(within(conflict).getByRole('button', { name: 'Merge their changes into mine' }));
    // the untouched part takes the newer version's value; the typed part stays
    expect(within(form).getByRole('textbox', { name: 'Non-negotiable 3' })).toHaveProperty(
      'value',
      'We ship on Tuesdays.',
    );
    fireEvent.submit(form);
    expect(await screen.findByText('Our new purpose, typed with care.')).toBeTruthy();
    const put = api.puts().at(-1);
    expect(put?.headers['If-Match']).toBe('"2"');
    expect(api.versions.at(-1)?.content.nonNegotiables.map((n) => n.text)).toContain('We ship on Tuesdays.');
  });

  it('asks before leaving unsaved changes, and keeps them when asked to', async () => {
    const api = new FakeCharterApi();
    const form = await openEditor(api);
    fireEvent.change(within(form).getByRole('textbox', { name: /^Purpose/ }), {
      target: { value: 'Half-typed' },
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
    const guard = await screen.findByRole('alertdialog', { name: 'You have unsaved changes' });
    fireEvent.click(within(guard).getByRole('button', { name: 'Keep editing' }));
    expect(within(form).getByRole('textbox', { name: /^Purpose/ })).toHaveProperty('value', 'Half-typed');
  });
});
