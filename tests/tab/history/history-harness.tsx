/**
 * Renders the history view on its own, against the in-memory charter API, as a member of the demo team, and waits for
 * the version list.
 */
import { screen } from '@testing-library/react';

import type { CharterResponse } from '../../../src/contract/api-types';
import { HistoryView } from '../../../src/tab/src/history/history-view';
import { localApi } from '../support/demo-charter';
import { ADELE, FakeCharterApi, MEMBERS, TEAM_ID } from '../support/fake-charter-api';
import { renderInFluent } from '../support/render-in-fluent';

export async function renderHistory(options: { fake?: FakeCharterApi; me?: string; canEdit?: boolean } = {}) {
  const fake = options.fake ?? new FakeCharterApi();
  const me = options.me ?? ADELE;
  const api = localApi(fake.fetch, me);
  const onCharterChange = jest.fn((_changed?: CharterResponse) => undefined);
  await renderInFluent(
    <HistoryView
      api={api}
      teamId={TEAM_ID}
      members={MEMBERS}
      viewerZone="Europe/Berlin"
      canEdit={options.canEdit ?? fake.charterFor(me)?.canEdit ?? false}
      meId={me}
      onCharterChange={onCharterChange}
    />,
  );
  await screen.findByRole('list', { name: 'History' });
  return { fake, onCharterChange };
}
