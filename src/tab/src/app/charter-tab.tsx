import {
  Body1,
  Button,
  makeStyles,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { CharterApi } from '../api/charter-api';
import type { CharterResponse, Me, TeamMember } from '../api/types';
import { CharterView } from '../charter/charter-view';
import { ExportView } from '../export/export-view';
import { browserTimeZone } from '../format';
import { strings } from '../strings';
import { UnsavedGuard } from './unsaved-guard';
import { TabLayout } from './tab-layout';

// The editor (it carries the server's validation rules and the zone data they need) and the history load on demand,
// so reading the charter stays within the initial bundle budget.
const CharterEditor = lazy(() =>
  import('../charter/charter-editor').then((m) => ({ default: m.CharterEditor })),
);
const HistoryView = lazy(() => import('../history/history-view').then((m) => ({ default: m.HistoryView })));

export type View = 'charter' | 'edit' | 'history' | 'export';

const useStyles = makeStyles({
  empty: { display: 'grid', rowGap: tokens.spacingVerticalM, maxWidth: '560px', justifyItems: 'start' },
});

interface Loaded {
  me: Me;
  members: TeamMember[];
  charter: CharterResponse | null;
}

export function CharterTab(props: {
  api: CharterApi;
  teamId: string;
  now: () => Date;
  banner?: ReactNode;
  onLoaded: () => void;
  /** The view to open first (the configuration page's "Create our charter" opens the editor). */
  initialView?: View;
}) {
  const styles = useStyles();
  const { api, teamId, onLoaded } = props;
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>(props.initialView ?? 'charter');
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<View | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([api.me(), api.members(teamId), api.charter(teamId)]).then(
      ([me, members, charter]) => {
        if (!live) return;
        setData({ me, members, charter });
        onLoaded();
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e.message : strings.loadFailed);
        onLoaded();
      },
    );
    return () => {
      live = false;
    };
  }, [api, teamId, attempt, onLoaded]);

  useEffect(() => {
    if (!dirty) return;
    const handler = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [dirty]);

  const go = (next: View): void => {
    if (view === 'edit' && dirty && next !== 'edit') setPending(next);
    else setView(next);
  };
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);

  if (error)
    return (
      <TabLayout banner={props.banner}>
        <div className={styles.empty} role="alert">
          <Body1>
            {strings.loadFailed} {error}
          </Body1>
          <Button
            onClick={() => {
              setError(null);
              setAttempt((a) => a + 1);
            }}
          >
            {strings.retry}
          </Button>
        </div>
      </TabLayout>
    );
  if (!data)
    return (
      <TabLayout banner={props.banner}>
        <Spinner label={strings.loading} />
      </TabLayout>
    );

  const { me, members, charter } = data;
  const viewerZone = me.timeZone ?? browserTimeZone();
  const canEdit = charter ? charter.canEdit : true; // a team without a charter: any member may write the first one
  const now = props.now();

  const nav = (
    <TabList selectedValue={view} onTabSelect={(_e, d) => go(d.value as View)} aria-label={strings.navLabel}>
      <Tab value="charter">{strings.nav.charter}</Tab>
      {canEdit ? <Tab value="edit">{strings.nav.edit}</Tab> : null}
      {charter ? <Tab value="history">{strings.nav.history}</Tab> : null}
      {charter ? <Tab value="export">{strings.nav.export}</Tab> : null}
    </TabList>
  );

  let content: ReactNode;
  if (view === 'edit' && canEdit) {
    content = (
      <CharterEditor
        api={api}
        teamId={teamId}
        charter={charter}
        members={members}
        meId={me.userId}
        viewerZone={viewerZone}
        now={now}
        onDirtyChange={onDirtyChange}
        onCancel={() => go('charter')}
        onSaved={(saved) => {
          setDirty(false);
          setData({ ...data, charter: saved });
          setView('charter');
        }}
      />
    );
  } else if (view === 'history' && charter) {
    content = <HistoryView api={api} teamId={teamId} members={members} viewerZone={viewerZone} />;
  } else if (view === 'export' && charter) {
    content = <ExportView api={api} teamId={teamId} />;
  } else if (!charter) {
    content = (
      <section className={styles.empty} aria-labelledby="empty-title">
        <Subtitle1 as="h1" id="empty-title">
          {strings.noCharterTitle}
        </Subtitle1>
        <Body1>{strings.noCharterEditor}</Body1>
        <Button appearance="primary" onClick={() => go('edit')}>
          {strings.createCharter}
        </Button>
      </section>
    );
  } else {
    content = (
      <CharterView
        charter={charter}
        members={members}
        viewerZone={viewerZone}
        now={now}
        onEdit={charter.canEdit ? () => go('edit') : undefined}
        panelProps={{ teamId, charter, members, api, viewerZone }}
      />
    );
  }

  return (
    <TabLayout banner={props.banner} nav={nav}>
      {pending ? (
        <UnsavedGuard
          onDiscard={() => {
            setDirty(false);
            setView(pending);
            setPending(null);
          }}
          onKeep={() => setPending(null)}
        />
      ) : null}
      <Suspense fallback={<Spinner label={strings.loading} />}>{content}</Suspense>
    </TabLayout>
  );
}
