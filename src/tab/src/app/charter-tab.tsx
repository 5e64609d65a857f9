import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CharterResponse } from '../../../shared/api-types';
import { CharterView } from '../charter/charter-view';
import { browserTimeZone } from '../format';
import { appStrings } from '../strings/app';
import { lazyAfterPaint } from './after-paint';
import { loadTabData, type TabData } from './boot';
import type { CharterTabProps, LeaveGuard, View } from './charter-tab.types';
import { LazyButton } from './lazy-button';
import { Loading } from './loading';
import { LoadFailure } from './load-failure';
import { usePaintedOnce } from './painted';
import { TabLayout } from './tab-layout';

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

function isPromise<T>(value: T | Promise<T> | undefined): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}

export function CharterTab(props: CharterTabProps) {
  const painted = usePaintedOnce();
  const { api, teamId, onLoaded, preloaded } = props;
  const [data, setData] = useState<TabData | null>(isPromise(preloaded) ? null : (preloaded ?? null));
  // Why the first data did not load (wrapped: whatever was thrown, even a falsy value, is a failure).
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  const [view, setView] = useState<View>(props.initialView ?? 'charter');
  const [dirty, setDirty] = useState(false);
  // What the person asked for while the editor held unsaved changes: done if they discard them.
  const [pending, setPending] = useState<{ leave: () => void } | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The version just saved: the charter view opens at its heading and announces it, once (cleared on leaving the view).
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  useEffect(() => {
    if (view !== 'charter') setSavedVersion(null);
  }, [view]);
  // Bumped whenever the charter changes under the page (a save, an accepted proposal): the panels refetch.
  const [revision, setRevision] = useState(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    const first = attempt === 0 ? preloaded : undefined;
    if (first && !isPromise(first)) {
      onLoaded();
      return;
    }
    let live = true;
    (first ?? loadTabData(api, teamId)).then(
      (loaded) => {
        if (!live) return;
        setData(loaded);
        onLoaded();
      },
      (e: unknown) => {
        if (!live) return;
        setError({ cause: e });
        onLoaded();
      },
    );
    return () => {
      live = false;
    };
  }, [api, teamId, attempt, onLoaded, preloaded]);

  useEffect(() => {
    if (!dirty) return;
    const handler = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [dirty]);

  const editing = view === 'edit' && dirty;
  const guard: LeaveGuard = (leave) => {
    if (editing) setPending({ leave });
    else leave();
  };
  const go = (next: View): void => {
    if (next === 'edit') setView(next);
    else guard(() => setView(next));
  };
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);

  /**
   * The charter changed: show the version we were handed at once (so every view names the same version), then read
   * the current one, in case someone saved meanwhile. A fetched version older than the one shown is not taken.
   */
  const charterChanged = useCallback(
    (changed?: CharterResponse) => {
      const take = (next: CharterResponse) =>
        setData((d) =>
          d && (!d.charter || d.charter.version <= next.version) ? { ...d, charter: next } : d,
        );
      if (changed) take(changed);
      setRevision((r) => r + 1);
      api.current(teamId).then(
        (current) => {
          if (live.current && current.charter) take(current.charter);
        },
        // The version handed to us is already shown; a failed re-read leaves it there.
        () => undefined,
      );
    },
    [api, teamId],
  );
  const banner = typeof props.banner === 'function' ? props.banner(guard) : props.banner;

  if (error)
    return (
      <TabLayout banner={banner}>
        <LoadFailure
          error={error.cause}
          signIn={props.signIn}
          onRetry={() => {
            setError(null);
            setAttempt((a) => a + 1);
          }}
          onSignInFailed={(cause) => setError({ cause })}
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
        onDirtyChange={onDirtyChange}
        onCancel={() => go('charter')}
        onSaved={(saved) => {
          setDirty(false);
          charterChanged(saved);
          setSavedVersion(saved.version);
          setView('charter');
        }}
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
    const askName = firstCharter?.askName ?? null;
    content = (
      <section className="tc-empty" aria-labelledby="empty-title">
        {canEdit ? (
          <>
            <h1 className="tc-subtitle1" id="empty-title">
              {appStrings.noCharter.title}
            </h1>
            <p className="tc-body1 tc-flush">{appStrings.noCharter.whatToWrite}</p>
            <LazyButton appearance="primary" onClick={() => go('edit')}>
              {appStrings.noCharter.create}
            </LazyButton>
          </>
        ) : (
          <h1 className="tc-subtitle1" id="empty-title">
            {askName ? appStrings.noCharter.askName(askName) : appStrings.noCharter.askOwner}
          </h1>
        )}
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
        savedVersion={savedVersion}
        panelProps={{ teamId, charter, members, api, viewerZone, revision, onCharterChange: charterChanged }}
      />
    );
  }

  return (
    <TabLayout banner={banner} nav={nav}>
      {pending ? (
        <Suspense fallback={null}>
          <UnsavedGuard
            onDiscard={() => {
              setDirty(false);
              setPending(null);
              pending.leave();
            }}
            onKeep={() => setPending(null)}
          />
        </Suspense>
      ) : null}
      <Suspense fallback={<Loading />}>{content}</Suspense>
    </TabLayout>
  );
}
