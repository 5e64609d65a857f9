/**
 * Renders the charter editor on its own, against the in-memory charter API, as a member of the demo team.
 */
import { screen } from '@testing-library/react';

import type { CharterResponse } from '../../../src/contract/api-types';
import { CharterEditor } from '../../../src/tab/src/charter/charter-editor';
import { localApi } from '../support/demo-charter';
import { ADELE, FakeCharterApi, MEMBERS, TEAM_ID } from '../support/fake-charter-api';
import { renderInFluent } from '../support/render-in-fluent';

const NOW = new Date('2026-11-25T12:00:00Z');

/** Renders the editor and waits for its lazy parts (the review-time suggestions), so they do not arrive outside act. */
export async function renderEditor(options: { fake?: FakeCharterApi; me?: string } = {}) {
  const fake = options.fake ?? new FakeCharterApi();
  const me = options.me ?? ADELE;
  const api = localApi(fake.fetch, me);
  const onSaved = jest.fn((_saved: CharterResponse) => undefined);
  await renderInFluent(
    <CharterEditor
      api={api}
      teamId={TEAM_ID}
      charter={fake.charterFor(me)}
      members={MEMBERS}
      meId={me}
      viewerZone="Europe/Berlin"
      now={NOW}
      onSaved={onSaved}
      onCancel={() => undefined}
      onDirtyChange={() => undefined}
    />,
  );
  return { fake, api, onSaved, form: screen.getByRole('form') };
}
