import { Badge, Body1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

import type { TeamMember } from '../../../contract/api-types';
import type {
  Boundary,
  CheckInContract,
  NonNegotiable,
  Outcome,
  ReviewPlan,
} from '../../../domain/charter/charter';
import type { CharterDiff, ListChange, ValueChange } from '../../../domain/charter/diff-charters';
import { plainList } from '../app/plain-list';
import { describeCadence } from '../charter/cadence-text';
import { formatList } from '../format';
import { charterStrings } from '../strings/charter';
import { historyStrings } from '../strings/history';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalL },
  part: { display: 'grid', rowGap: tokens.spacingVerticalXS },
  list: plainList(tokens.spacingVerticalXS),
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  // At narrow widths the text wraps beside the badge; the badge never shrinks under its label.
  badge: { flexShrink: 0 },
  text: { minWidth: 0, overflowWrap: 'anywhere' },
  before: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground2 },
});

type Kind = 'added' | 'removed' | 'changed' | 'reordered';
const COLORS = { added: 'success', removed: 'danger', changed: 'warning', reordered: 'informative' } as const;

function Change({ kind, children }: { kind: Kind; children: ReactNode }) {
  const styles = useStyles();
  return (
    <li className={styles.row}>
      <Badge appearance="tint" color={COLORS[kind]} className={styles.badge}>
        {historyStrings.changeKinds[kind]}
      </Badge>
      <Body1 className={styles.text}>{children}</Body1>
    </li>
  );
}

function BeforeAfter({ before, after }: { before: string; after: string }) {
  const styles = useStyles();
  return (
    <>
      <span className={styles.before}>
        <span className="visually-hidden">{historyStrings.before}: </span>
        {before}
      </span>{' '}
      → <span>{after}</span>
    </>
  );
}

function listRows<T>(change: ListChange<T>, text: (item: T) => string): ReactNode[] {
  return [
    ...change.added.map((item, i) => (
      <Change key={`a${i}`} kind="added">
        {text(item)}
      </Change>
    )),
    ...change.changed.map((c, i) => (
      <Change key={`c${i}`} kind="changed">
        <BeforeAfter before={text(c.before)} after={text(c.after)} />
      </Change>
    )),
    ...change.removed.map((item, i) => (
      <Change key={`r${i}`} kind="removed">
        {text(item)}
      </Change>
    )),
    ...(change.reordered
      ? [
          <Change key="o" kind="reordered">
            {historyStrings.changeKinds.reordered}
          </Change>,
        ]
      : []),
  ];
}

/** The row of a part that holds one value: before and after, or none when it did not change. */
function valueRows<T>(key: string, change: ValueChange<T> | null, text: (value: T) => string): ReactNode[] {
  return change
    ? [
        <Change key={key} kind="changed">
          <BeforeAfter before={text(change.before)} after={text(change.after)} />
        </Change>,
      ]
    : [];
}

const asIs = (value: string): string => value;
const nnText = (n: NonNegotiable): string => n.text;
const outcomeText = (o: Outcome): string =>
  o.measure ? `${o.title} (${charterStrings.measure}: ${o.measure})` : o.title;
const boundaryText = (b: Boundary): string =>
  `${b.area} — ${charterStrings.decisionRights[b.right]}${b.note ? ` (${b.note})` : ''}`;
const checkInText = (c: CheckInContract | null): string =>
  c
    ? `${describeCadence(c.cadence)}; ${charterStrings.resultsShownFrom(c.anonymityMinimum)}`
    : historyStrings.turnedOff;
const reviewText = (r: ReviewPlan | null): string =>
  r ? describeCadence(r.cadence) : historyStrings.turnedOff;

/** A readable diff between two versions, part by part. Every value is rendered as text. */
export function DiffView({ diff, members }: { diff: CharterDiff; members: readonly TeamMember[] }) {
  const styles = useStyles();
  const nameOf = (id: string): string => members.find((m) => m.id === id)?.name ?? id;
  const parts: { title: string; rows: ReactNode[] }[] = [
    {
      title: charterStrings.purpose,
      rows: valueRows('p', diff.purpose, asIs),
    },
    { title: charterStrings.nonNegotiables, rows: listRows(diff.nonNegotiables, nnText) },
    { title: charterStrings.outcomes, rows: listRows(diff.outcomes, outcomeText) },
    { title: charterStrings.boundaries, rows: listRows(diff.boundaries, boundaryText) },
    {
      title: charterStrings.checkInContract,
      rows: valueRows('c', diff.checkIns, checkInText),
    },
    {
      title: charterStrings.reviewCycle,
      rows: valueRows('r', diff.review, reviewText),
    },
    {
      title: historyStrings.timeZone,
      rows: valueRows('t', diff.timeZone, asIs),
    },
    {
      title: charterStrings.editors,
      rows: [
        ...(diff.editors.added.length
          ? [
              <Change key="ea" kind="added">
                {formatList(diff.editors.added.map(nameOf))}
              </Change>,
            ]
          : []),
        ...(diff.editors.removed.length
          ? [
              <Change key="er" kind="removed">
                {formatList(diff.editors.removed.map(nameOf))}
              </Change>,
            ]
          : []),
      ],
    },
  ].filter((p) => p.rows.length > 0);

  if (parts.length === 0) return <Text>{historyStrings.noChanges}</Text>;
  return (
    <div className={styles.root} data-testid="diff">
      {parts.map((part) => (
        <section key={part.title} className={styles.part}>
          <Subtitle2 as="h3">{part.title}</Subtitle2>
          <ul className={styles.list}>{part.rows}</ul>
        </section>
      ))}
    </div>
  );
}
