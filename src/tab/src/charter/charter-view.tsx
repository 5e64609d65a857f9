import { Badge, Body1, Button, Caption1, Subtitle1, Text, Title2 } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { CharterResponse, TeamMember } from '../api/types';
import { usePaintedOnce } from '../app/painted';
import type { PanelProps } from '../app/panels';
import { formatDateTime, formatList } from '../format';
import { strings } from '../strings';

// The schedule and the panels: a chunk of their own, fetched and rendered once the purpose and clauses are painted.
const later = () => import('./charter-later');
const CharterSchedule = lazy(() => later().then((m) => ({ default: m.CharterSchedule })));
const CharterPanels = lazy(() => later().then((m) => ({ default: m.CharterPanels })));

export interface CharterViewProps {
  charter: CharterResponse;
  members: readonly TeamMember[];
  viewerZone: string;
  now: Date;
  onEdit?: (() => void) | undefined;
  panelProps: PanelProps;
}

/** The charter as the team reads it. All user text is rendered as text, never as HTML. */
export function CharterView({ charter, members, viewerZone, now, onEdit, panelProps }: CharterViewProps) {
  const painted = usePaintedOnce();
  const c = charter.content;
  const nameOf = (id: string): string => members.find((m) => m.id === id)?.name ?? id;
  // Intl's first use with a time zone or a list loads its data: the date and the editors' names follow the first paint.
  const editors = onEdit && !painted ? null : formatList(c.editorIds.map(nameOf));

  return (
    <div className="tc-charter">
      <div className="tc-charter-main">
        <header className="tc-charter-header">
          <div className="tc-charter-header-text">
            <Title2 as="h1">{charter.teamName}</Title2>
            <Caption1 block className="tc-secondary">
              {strings.versionLine(charter.version, charter.updatedBy.name)}
              {painted ? ` · ${formatDateTime(charter.updatedAt, viewerZone)}` : null}
            </Caption1>
          </div>
          {onEdit ? (
            <Button appearance="primary" onClick={onEdit}>
              {strings.editCharter}
            </Button>
          ) : (
            <Caption1 className="tc-secondary">{strings.readOnlyHint(editors ?? '')}</Caption1>
          )}
        </header>

        <section className="tc-section" aria-labelledby="sec-purpose">
          <Subtitle1 as="h2" id="sec-purpose">
            {strings.purpose}
          </Subtitle1>
          <p className="tc-purpose" data-testid="purpose">
            {c.purpose}
          </p>
        </section>

        <section className="tc-section" aria-labelledby="sec-nn">
          <Subtitle1 as="h2" id="sec-nn">
            {strings.nonNegotiables}
          </Subtitle1>
          <ol className="tc-list">
            {c.nonNegotiables.map((n) => (
              <li key={n.id}>
                <Body1>{n.text}</Body1>
              </li>
            ))}
          </ol>
        </section>

        <section className="tc-section" aria-labelledby="sec-flex">
          <Subtitle1 as="h2" id="sec-flex">
            {strings.flexibleExecution}
          </Subtitle1>
          <Text as="h3" weight="semibold" className="tc-h3">
            {strings.outcomes}
          </Text>
          <ul className="tc-plain-list">
            {c.outcomes.map((o) => (
              <li key={o.id} className="tc-item">
                <Body1 block>{o.title}</Body1>
                <Caption1 className="tc-secondary">
                  {strings.measure}: {o.measure ?? strings.noMeasure}
                </Caption1>
              </li>
            ))}
          </ul>
          <Text as="h3" weight="semibold" className="tc-h3">
            {strings.boundaries}
          </Text>
          {c.boundaries.length === 0 ? (
            <Body1 className="tc-secondary">{strings.noBoundaries}</Body1>
          ) : (
            <ul className="tc-plain-list">
              {c.boundaries.map((b) => (
                <li key={b.id} className="tc-item">
                  <Body1 block>
                    {b.area}{' '}
                    <Badge
                      appearance="tint"
                      color={
                        b.right === 'team_decides'
                          ? 'success'
                          : b.right === 'escalate'
                            ? 'warning'
                            : 'informative'
                      }
                    >
                      {strings.decisionRights[b.right]}
                    </Badge>
                  </Body1>
                  {b.note ? <Caption1 className="tc-secondary">{b.note}</Caption1> : null}
                </li>
              ))}
            </ul>
          )}
        </section>

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
