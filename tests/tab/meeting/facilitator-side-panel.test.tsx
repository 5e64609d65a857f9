/**
 * @jest-environment jsdom
 */
// The facilitator (an editor) in the side panel, against a fake of the live review's API through the tab's real API
// client: start, walk, decide (a refused revision keeps its text and says why), and end (412 → end without a
// proposal; 409 → end again → the proposal with its diff).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { ADELE } from '../support/fake-charter-api';
import { openMeetingView } from './meeting-harness';

const puts = (server: { log: { method: string; path: string; body: unknown }[] }, suffix: string) =>
  server.log.filter((r) => r.method !== 'GET' && r.path.endsWith(suffix));

it('starts the review, moves the room, and records a revision: refused without text (kept, explained), then sent', async () => {
  const { server } = openMeetingView('side-panel', ADELE);
  fireEvent.click(await screen.findByRole('button', { name: 'Start the review' }));
  expect(
    await screen.findByText('We help small retailers sell online without hiring an IT team.'),
  ).toBeTruthy();
  expect(
    screen.getByText('The purpose is discussed here, not decided: change it in the charter itself.'),
  ).toBeTruthy();
  expect(screen.getByRole('timer').textContent).toMatch(/^[45]:\d\d left in this section$/);

  fireEvent.click(screen.getByRole('button', { name: 'Next clause' }));
  expect(await screen.findByText('Customer data never leaves the EU region.')).toBeTruthy();
  expect(server.session?.current.clauseId).toBe('nn1');
  expect(screen.getByText(/Non-negotiables · Clause 2 of 5/)).toBeTruthy();

  fireEvent.click(screen.getByRole('radio', { name: 'Revise' }));
  const text = screen.getByRole('textbox', { name: 'New text' });
  fireEvent.change(text, { target: { value: '   ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
  expect(await screen.findByText('Say what the revised clause should read.')).toBeTruthy();
  expect((text as HTMLTextAreaElement).value).toBe('   ');
  expect(server.clause('nn1').decision).toBeNull();

  fireEvent.change(text, { target: { value: 'Customer data stays in the EU and the UK.' } });
  fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Next clause' })).toBe(document.activeElement),
  );
  expect(puts(server, '/decisions/nn1').at(-1)?.body).toEqual({
    decision: 'revise',
    kind: 'nonNegotiable',
    text: 'Customer data stays in the EU and the UK.',
  });
  expect(server.clause('nn1').decision?.text).toBe('Customer data stays in the EU and the UK.');
  const card = screen.getByTestId('clause-nonNegotiable-nn1');
  expect(within(card).getByText('Revised')).toBeTruthy();
  expect(within(card).getByText('Customer data stays in the EU and the UK.')).toBeTruthy();
});

it('offers to end without a proposal when the charter moved on (412), and says the decisions were not proposed', async () => {
  const server = await dropTheOutcome();
  server.nextEndStatus = 412;
  fireEvent.click(screen.getByRole('button', { name: 'End the review' }));
  fireEvent.click(screen.getByRole('button', { name: 'End for everyone' }));
  expect((await screen.findByRole('alert')).textContent).toMatch(/The charter moved on \(version 3\)/);
  expect(server.session?.state).toBe('open');
  fireEvent.click(screen.getByRole('button', { name: 'End without proposal' }));
  expect(await screen.findByText('Its decisions were kept on the review, not proposed.')).toBeTruthy();
  expect(server.session?.state).toBe('ended');
  expect(server.log.filter((r) => r.path.endsWith('/end')).map((r) => r.body)).toEqual([
    {},
    { withoutProposal: true },
  ]);
});

it('ends again after a decision raced the end (409), then shows the proposal with its diff, to accept in the channel tab', async () => {
  const server = await dropTheOutcome();
  server.nextEndStatus = 409;
  fireEvent.click(screen.getByRole('button', { name: 'End the review' }));
  fireEvent.click(screen.getByRole('button', { name: 'End for everyone' }));
  expect(
    await screen.findByText('A decision landed while the review was ending. End again to include it.'),
  ).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'End again' }));
  expect(
    await screen.findByText(/Proposal ready: 1 clause\(s\) decided\. The editors can accept it/),
  ).toBeTruthy();
  // The diff: the dropped outcome, removed.
  const removed = screen
    .getAllByText(/Shop owners publish in under 10 minutes/)
    .map((e) => e.closest('li')?.textContent);
  expect(removed).toContain('RemovedShop owners publish in under 10 minutes (Measure: median time)');
  expect(screen.getByRole('heading', { name: 'The review has ended.' })).toBe(document.activeElement);
});

/** A review at the outcome, which the facilitator drops: the review then has a decision to propose. */
async function dropTheOutcome() {
  const server = openMeetingView('side-panel', ADELE).server;
  server.start();
  server.change((s) => (s.current = { kind: 'outcome', clauseId: 'o1', section: 'outcomes' }));
  fireEvent.click(await screen.findByRole('radio', { name: 'Drop' }));
  fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
  await waitFor(() => expect(server.clause('o1').decision?.decision).toBe('drop'));
  return server;
}

it('asks before ending the review for everyone, and keeping on reviewing changes nothing', async () => {
  const server = await dropTheOutcome();
  fireEvent.click(screen.getByRole('button', { name: 'End the review' }));
  expect(screen.getByRole('alertdialog', { name: 'End the review for everyone?' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Keep reviewing' })).toBe(document.activeElement);
  fireEvent.click(screen.getByRole('button', { name: 'Keep reviewing' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'End the review' })).toBe(document.activeElement),
  );
  expect(server.log.filter((r) => r.path.endsWith('/end'))).toEqual([]);
  expect(server.session?.state).toBe('open');
});
