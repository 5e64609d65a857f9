/**
 * The personal page: every team of the person that has the app, each with its charter at a glance and what is new or
 * waiting for them; the empty state when none of their teams has the app; a failure with the action that can help.
 */
import { type ReactNode, useCallback, useEffect, useState } from 'react';

import type { CharterApi } from '../api/charter-api';
import { LoadFailure } from '../app/load-failure';
import { Loading } from '../app/loading';
import { TabLayout } from '../app/tab-layout';
import type { SignInProblem } from '../host/sign-in';
import { myChartersStrings as s } from '../strings/my-charters';
import { type OpenMode, TeamCharterCard } from './team-charter-card';
import type { MyChartersActions, MyChartersState } from './use-my-charters';

export interface MyChartersPageProps {
  state: MyChartersState;
  actions: MyChartersActions;
  api: CharterApi;
  openMode: OpenMode;
  viewerZone: string;
  banner?: ReactNode;
  /** Tells the host the page has loaded (its data or a failure is on screen). */
  onLoaded: () => void;
  signIn?: ((problem: SignInProblem) => Promise<void>) | undefined;
}

export function MyChartersPage(props: MyChartersPageProps) {
  const { state, actions, api, openMode, viewerZone, onLoaded } = props;
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  const loaded = state.status !== 'loading';
  useEffect(() => {
    if (loaded) onLoaded();
  }, [loaded, onLoaded]);

  // Marked as read: the changes leave the page, so the focus goes to the team's heading and the page says so.
  const markSeen = useCallback(
    async (teamId: string) => {
      await actions.markSeen(teamId);
      const team = state.status === 'ready' ? state.teams.find((t) => t.teamId === teamId) : undefined;
      document.getElementById(`team-${teamId}`)?.focus();
      setAnnouncement(s.changed.marked(team?.teamName ?? ''));
    },
    [actions, state],
  );

  let body: ReactNode;
  if (failure !== null || state.status === 'failed')
    body = (
      <LoadFailure
        error={failure ?? (state.status === 'failed' ? state.error : null)}
        onRetry={() => {
          setFailure(null);
          actions.reload();
        }}
        signIn={props.signIn}
        onSignInFailed={setFailure}
      />
    );
  else if (state.status === 'loading') body = <Loading />;
  else if (state.teams.length === 0)
    body = (
      <section className="tc-empty" aria-labelledby="no-teams">
        <h2 className="tc-subtitle1" id="no-teams">
          {s.noTeams.title}
        </h2>
        <p className="tc-body1 tc-flush">{s.noTeams.body}</p>
      </section>
    );
  else {
    const firstCharter = state.teams.find((team) => team.charter !== null);
    body = state.teams.map((team) => (
      <TeamCharterCard
        key={team.teamId}
        first={team === firstCharter}
        team={team}
        openMode={openMode}
        api={api}
        viewerZone={viewerZone}
        onMarkSeen={markSeen}
        onAnswered={actions.answered}
      />
    ));
  }

  return (
    <TabLayout banner={props.banner}>
      <div className="tc-my-page">
        <header className="tc-section">
          <h1 className="tc-title2">{s.title}</h1>
          <p className="tc-body1 tc-secondary tc-flush">{s.intro}</p>
        </header>
        {body}
        <div role="status" className="visually-hidden">
          {announcement}
        </div>
      </div>
    </TabLayout>
  );
}
