import { lazy, type ReactNode, Suspense } from 'react';

import { CharterView } from '../charter/charter-view';
import { browserTimeZone } from '../format';
import { lazyAfterPaint } from './after-paint';
import type { CharterTabProps } from './charter-tab.types';
import { LoadFailure } from './load-failure';
import { Loading } from './loading';
import { NoCharterYet } from './no-charter-yet';
import { usePaintedOnce } from './painted';
import { TabLayout } from './tab-layout';
import { useCharterTab } from './use-charter-tab';

// The first bundle holds what reading the charter needs. The editor (it carries the server's validation rules and the
// zone data they need), the history, the export and the unsaved-changes guard load on demand; the view tabs load just
// after the charter's first paint (see painted.ts).
const CharterEditor = lazy(() =>
  import('../charter/charter-editor').then((m) => ({ default: m.CharterEditor })),
);
const HistoryView = lazy(() => import('../history/history-view').then((m) => ({ default: m.HistoryView })));
const ExportView = lazy(() => import('../export/export-view').then((m) => ({ default: m.ExportView })));
const UnsavedGuard = lazy(() => import('./unsaved-guard').then((m) => ({ default: m.UnsavedGuard })));
const ViewNav = lazyAfterPaint(() => import('./view-nav').then((m) => m.ViewNav));

/** The charter views (read, edit, history, export) of one team, with the view tabs. State in use-charter-tab.ts. */
export function CharterTab(props: CharterTabProps) {
  const painted = usePaintedOnce();
  const tab = useCharterTab(props);
  const { api, teamId } = props;
  const { data, error, view, go, charterChanged } = tab;
  const banner = typeof props.banner === 'function' ? props.banner(tab.guard) : props.banner;

  if (error)
    return (
      <TabLayout banner={banner}>
        <LoadFailure
          error={error.cause}
          signIn={props.signIn}
          onRetry={tab.retry}
          onSignInFailed={tab.signInFailed}
        />
      </TabLayout>
    );
  if (!data)
    return (
      <TabLayout banner={banner}>
        <Loading />
      </TabLayout>
    );

  const { me, members, charter, firstCharter } = data;
  const viewerZone = me.timeZone ?? browserTimeZone();
  // A team without a charter: the server says whether this member may write the first one.
  const canEdit = charter ? charter.canEdit : (firstCharter?.canCreate ?? false);
  const now = props.now();

  // Until the tabs arrive, TabLayout keeps their place.
  const nav = painted ? (
    <Suspense fallback={null}>
      <ViewNav view={view} canEdit={canEdit} hasCharter={charter !== null} onSelect={go} />
    </Suspense>
  ) : null;

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
        onDirtyChange={tab.onDirtyChange}
        onCancel={() => go('charter')}
        onSaved={tab.saved}
      />
    );
  } else if (view === 'history' && charter) {
    content = (
      <HistoryView
        api={api}
        teamId={teamId}
        members={members}
        viewerZone={viewerZone}
        canEdit={charter.canEdit}
        meId={me.userId}
        onCharterChange={charterChanged}
      />
    );
  } else if (view === 'export' && charter) {
    content = <ExportView api={api} teamId={teamId} />;
  } else if (!charter) {
    content = (
      <NoCharterYet canCreate={canEdit} askName={firstCharter?.askName ?? null} onCreate={() => go('edit')} />
    );
  } else {
    content = (
      <CharterView
        charter={charter}
        members={members}
        viewerZone={viewerZone}
        now={now}
        onEdit={charter.canEdit ? () => go('edit') : undefined}
        savedVersion={tab.savedVersion}
        panelProps={{
          teamId,
          charter,
          members,
          api,
          viewerZone,
          revision: tab.revision,
          onCharterChange: charterChanged,
        }}
      />
    );
  }

  return (
    <TabLayout banner={banner} nav={nav}>
      {tab.confirmingLeave ? (
        <Suspense fallback={null}>
          <UnsavedGuard onDiscard={tab.discard} onKeep={tab.keepEditing} />
        </Suspense>
      ) : null}
      <Suspense fallback={<Loading />}>{content}</Suspense>
    </TabLayout>
  );
}
