import { Suspense, useEffect, useRef, useState } from 'react';

import type { CharterResponse, TeamMember } from '../../../contract/api-types';
import { lazyAfterPaint } from '../app/after-paint';
import { LazyButton } from '../app/lazy-button';
import { usePaintedOnce } from '../app/painted';
import type { PanelProps } from '../app/panels.types';
import { formatDateTime, formatList } from '../format';
import { HostLink } from '../host/host-links';
import { charterStrings } from '../strings/charter';
import { chatDeepLink } from '../teams/chat-link';
import { CharterSection, NonNegotiableList, OutcomesAndBoundaries } from './charter-clauses';

// The schedule and the panels: a chunk of their own, fetched and rendered once the purpose and clauses are painted.
const scheduleAndPanels = () => import('./charter-schedule-and-panels');
const CharterSchedule = lazyAfterPaint(() => scheduleAndPanels().then((m) => m.CharterSchedule));
const CharterPanels = lazyAfterPaint(() => scheduleAndPanels().then((m) => m.CharterPanels));

export interface CharterViewProps {
  charter: CharterResponse;
  members: readonly TeamMember[];
  viewerZone: string;
  now: Date;
  onEdit?: (() => void) | undefined;
  panelProps: PanelProps;
  /** Set just after a save: the page opens at the charter's heading, with the focus on it and the version announced. */
  savedVersion?: number | null | undefined;
}

/** After a save: scroll to the charter's heading, move the focus there, and say which version was saved. */
function useSavedFocus(savedVersion: number | null | undefined) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (savedVersion === null || savedVersion === undefined) return;
    const heading = headingRef.current;
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
    // The status region was just added with the page: filled a moment later, screen readers notice the change.
    const timer = setTimeout(() => setAnnouncement(charterStrings.savedVersion(savedVersion)), 100);
    return () => clearTimeout(timer);
  }, [savedVersion]);
  return { headingRef, announcement };
}

/** The charter as the team reads it. All user text is rendered as text, never as HTML. */
export function CharterView(props: CharterViewProps) {
  const { charter, members, viewerZone, now, onEdit, panelProps } = props;
  const painted = usePaintedOnce();
  const { headingRef, announcement } = useSavedFocus(props.savedVersion);
  const c = charter.content;
  const nameOf = (id: string): string => members.find((m) => m.id === id)?.name ?? id;
  // Intl's first use with a time zone or a list loads its data: the date and the editors' names follow the first paint.
  const editors = onEdit && !painted ? null : formatList(c.editorIds.map(nameOf));
  // Someone who may not edit can ask the editors in a Teams chat, with the request already drafted.
  const askLink = onEdit
    ? null
    : chatDeepLink(
        c.editorIds.flatMap((id) => members.find((m) => m.id === id)?.email ?? []),
        charterStrings.askEditorsMessage(charter.teamName),
      );

  return (
    <div className="tc-charter">
      <div className="tc-charter-main">
        <header className="tc-charter-header">
          <div className="tc-charter-header-text">
            <h1 className="tc-title2" ref={headingRef} tabIndex={-1}>
              {charter.teamName}
            </h1>
            <span role="status" className="visually-hidden">
              {announcement}
            </span>
            <span className="tc-caption1 tc-block tc-secondary">
              {charterStrings.versionLine(charter.version, charter.updatedBy.name)}
              {painted ? ` · ${formatDateTime(charter.updatedAt, viewerZone)}` : null}
            </span>
          </div>
          {onEdit ? (
            // Fluent's Button follows the first paint (lazy-button.tsx); the header keeps its height meanwhile.
            painted ? (
              <LazyButton appearance="primary" onClick={onEdit}>
                {charterStrings.editCharter}
              </LazyButton>
            ) : null
          ) : (
            <span className="tc-caption1 tc-secondary">
              {charterStrings.readOnlyHint(editors ?? '')}
              {askLink ? (
                <>
                  {' '}
                  <HostLink href={askLink}>{charterStrings.askEditorsInChat}</HostLink>
                </>
              ) : null}
            </span>
          )}
        </header>

        <CharterSection id="sec-purpose" title={charterStrings.purpose}>
          <p className="tc-purpose" data-testid="purpose" elementtiming="purpose">
            {c.purpose}
          </p>
        </CharterSection>

        <CharterSection id="sec-nn" title={charterStrings.nonNegotiables}>
          <NonNegotiableList items={c.nonNegotiables} />
        </CharterSection>

        <CharterSection id="sec-flex" title={charterStrings.flexibleExecution}>
          <OutcomesAndBoundaries content={c} />
        </CharterSection>

        {painted ? (
          <Suspense fallback={null}>
            <CharterSchedule
              charter={charter}
              members={members}
              viewerZone={viewerZone}
              now={now}
              editors={editors ?? ''}
            />
          </Suspense>
        ) : null}
      </div>
      {painted ? (
        <Suspense fallback={null}>
          <CharterPanels {...panelProps} />
        </Suspense>
      ) : null}
    </div>
  );
}
