import {
  Button,
  Checkbox,
  Divider,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle1,
  Switch,
  Textarea,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import {
  CHARTER_LIMITS,
  DECISION_RIGHTS,
  type CheckInContract,
  type DecisionRight,
  type ReviewPlan,
} from '../../../domain/charter/charter';
import { validateCharter } from '../../../domain/charter/validate-charter';
import { ApiError, type CharterApi } from '../api/charter-api';
import type { CharterDiff, CharterResponse, FieldProblem, TeamMember } from '../api/types';
import { DiffView } from '../history/diff-view';
import { strings } from '../strings';
import { CadencePicker } from './cadence-picker';
import {
  defaultCadence,
  emptyState,
  fromContent,
  isDirty,
  newKey,
  rebase,
  toContentForValidation,
  toDraft,
  type EditorState,
} from './editor-state';

// Reads free/busy through the API only when an editor works on the review cadence: its own chunk.
const SlotSuggestions = lazy(() => import('../reviews/slot-suggestions'));

const useStyles = makeStyles({
  form: { display: 'grid', rowGap: tokens.spacingVerticalXL, maxWidth: '880px' },
  section: { display: 'grid', rowGap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  triple: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(140px, 1fr) minmax(0, 2fr) auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr) auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalM },
  add: { justifySelf: 'start' },
});

export interface CharterEditorProps {
  api: CharterApi;
  teamId: string;
  /** The version being edited; null creates the first charter. */
  charter: CharterResponse | null;
  members: readonly TeamMember[];
  meId: string;
  viewerZone: string;
  now: Date;
  onSaved: (charter: CharterResponse) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

interface Conflict {
  latest: CharterResponse;
  diff: CharterDiff;
}

function allZones(extra: readonly string[]): string[] {
  const zones = new Set<string>(Intl.supportedValuesOf('timeZone'));
  for (const z of extra) zones.add(z);
  return [...zones].sort();
}

/** The editor: every part of the charter, inline validation with the server's own rules and messages, If-Match saves. */
export function CharterEditor(props: CharterEditorProps) {
  const styles = useStyles();
  const { api, teamId, members, meId, viewerZone, now } = props;
  const today = now.toISOString().slice(0, 10);
  const [base, setBase] = useState<CharterResponse | null>(props.charter);
  const original = useMemo(
    () => (props.charter ? fromContent(props.charter.content) : emptyState(meId, viewerZone, today)),
    // The starting point is fixed for the editor's life; a rebase moves `base`, not the original.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const [state, setState] = useState<EditorState>(original);
  const [why, setWhy] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const remembered = useRef({ checkIns: state.checkIns, review: state.review });
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The save button sits at the bottom of a long form: bring what changed meanwhile into view.
    if (conflict) conflictRef.current?.scrollIntoView({ block: 'start' });
  }, [conflict]);
  const zones = useMemo(
    () =>
      allZones(
        [state.timeZone, state.checkIns?.cadence.timeZone, state.review?.cadence.timeZone].filter(
          (z): z is string => Boolean(z),
        ),
      ),
    [state.timeZone, state.checkIns?.cadence.timeZone, state.review?.cadence.timeZone],
  );

  const dirty = isDirty(state, original) || why.trim() !== '';
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const memberIds = useMemo(() => new Set(members.map((m) => m.id)), [members]);
  const clientProblems = useMemo(
    () => validateCharter(toContentForValidation(state), { memberIds }),
    [state, memberIds],
  );
  const problems = serverProblems.length > 0 ? serverProblems : clientProblems;
  const errorAt = (path: string): string | undefined =>
    submitted || touched.has(path) || serverProblems.length > 0
      ? problems.find((p) => p.path === path)?.message
      : undefined;
  const field = (path: string) => {
    const message = errorAt(path);
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  const touch = (path: string) => () => setTouched((t) => new Set(t).add(path));
  const update = (patch: Partial<EditorState>): void => {
    setServerProblems([]);
    setState((s) => ({ ...s, ...patch }));
  };
  const patchCheckIns = (patch: Partial<CheckInContract>): void => {
    if (state.checkIns) update({ checkIns: { ...state.checkIns, ...patch } });
  };
  const patchReview = (patch: Partial<ReviewPlan>): void => {
    if (state.review) update({ review: { ...state.review, ...patch } });
  };

  async function save(): Promise<void> {
    setSubmitted(true);
    setError(null);
    if (clientProblems.length > 0) {
      setError(strings.fixErrors(clientProblems.length));
      return;
    }
    setSaving(true);
    try {
      const saved = await api.save(teamId, base?.version ?? 0, toDraft(state), why);
      props.onDirtyChange(false);
      props.onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && base) {
        const latest = await api.charter(teamId);
        if (latest) {
          const diff = await api.diff(teamId, base.version, latest.version);
          setConflict({ latest, diff: diff.changes });
        }
      } else if (e instanceof ApiError && e.status === 400 && e.problem.errors) {
        setServerProblems(e.problem.errors);
        setError(strings.fixErrors(e.problem.errors.length));
      } else if (e instanceof ApiError && e.status === 403) {
        setError(strings.notEditor);
      } else {
        setError(e instanceof Error ? e.message : strings.loadFailed);
      }
    } finally {
      setSaving(false);
    }
  }

  function reapply(): void {
    if (!conflict || !base) return;
    setState((mine) => rebase(mine, base.content, conflict.latest.content));
    setBase(conflict.latest);
    setConflict(null);
  }

  const listError = (path: string) => {
    const message =
      submitted || serverProblems.length > 0 ? problems.find((p) => p.path === path)?.message : undefined;
    return message ? (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
    ) : null;
  };

  const memberName = (id: string): string => members.find((m) => m.id === id)?.name ?? id;

  return (
    <form
      className={styles.form}
      aria-labelledby="editor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Title2 as="h1" id="editor-title">
        {base ? strings.editorTitle : strings.createTitle}
      </Title2>

      {conflict ? (
        <MessageBar intent="warning" layout="multiline" data-testid="conflict" ref={conflictRef}>
          <MessageBarBody>
            <MessageBarTitle>{strings.conflictTitle}</MessageBarTitle>
            {strings.conflictBody(conflict.latest.version, conflict.latest.updatedBy.name)}
            <DiffView diff={conflict.diff} members={members} />
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={reapply}>
              {strings.reapply}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <section className={styles.section} aria-labelledby="ed-purpose">
        <Subtitle1 as="h2" id="ed-purpose">
          {strings.purpose}
        </Subtitle1>
        <Field label={strings.purpose} hint={strings.purposeHint} required {...field('purpose')}>
          <Textarea
            value={state.purpose}
            resize="vertical"
            rows={3}
            maxLength={CHARTER_LIMITS.purposeMax * 2}
            onBlur={touch('purpose')}
            onChange={(_e, d) => update({ purpose: d.value })}
          />
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="ed-nn">
        <Subtitle1 as="h2" id="ed-nn">
          {strings.nonNegotiables}
        </Subtitle1>
        {listError('nonNegotiables')}
        {state.nonNegotiables.map((n, i) => (
          <div key={n.key} className={styles.row}>
            <Field label={strings.nonNegotiableLabel(i + 1)} {...field(`nonNegotiables.${i}.text`)}>
              <Input
                value={n.text}
                onBlur={touch(`nonNegotiables.${i}.text`)}
                onChange={(_e, d) =>
                  update({
                    nonNegotiables: state.nonNegotiables.map((x) =>
                      x.key === n.key ? { ...x, text: d.value } : x,
                    ),
                  })
                }
              />
            </Field>
            <Button
              aria-label={strings.removeLabel(strings.nonNegotiableLabel(i + 1))}
              onClick={() => update({ nonNegotiables: state.nonNegotiables.filter((x) => x.key !== n.key) })}
            >
              {strings.remove}
            </Button>
          </div>
        ))}
        <Button
          className={styles.add}
          disabled={state.nonNegotiables.length >= CHARTER_LIMITS.nonNegotiablesMax}
          onClick={() => update({ nonNegotiables: [...state.nonNegotiables, { key: newKey(), text: '' }] })}
        >
          {strings.addNonNegotiable}
        </Button>
      </section>

      <section className={styles.section} aria-labelledby="ed-flex">
        <Subtitle1 as="h2" id="ed-flex">
          {strings.flexibleExecution}
        </Subtitle1>
        {listError('outcomes')}
        {state.outcomes.map((o, i) => (
          <div key={o.key} className={styles.pair}>
            <Field label={strings.outcomeLabel(i + 1)} {...field(`outcomes.${i}.title`)}>
              <Input
                value={o.title}
                onBlur={touch(`outcomes.${i}.title`)}
                onChange={(_e, d) =>
                  update({
                    outcomes: state.outcomes.map((x) => (x.key === o.key ? { ...x, title: d.value } : x)),
                  })
                }
              />
            </Field>
            <Field label={strings.measureLabel(i + 1)} {...field(`outcomes.${i}.measure`)}>
              <Input
                value={o.measure}
                onBlur={touch(`outcomes.${i}.measure`)}
                onChange={(_e, d) =>
                  update({
                    outcomes: state.outcomes.map((x) => (x.key === o.key ? { ...x, measure: d.value } : x)),
                  })
                }
              />
            </Field>
            <Button
              aria-label={strings.removeLabel(strings.outcomeLabel(i + 1))}
              onClick={() => update({ outcomes: state.outcomes.filter((x) => x.key !== o.key) })}
            >
              {strings.remove}
            </Button>
          </div>
        ))}
        <Button
          className={styles.add}
          disabled={state.outcomes.length >= CHARTER_LIMITS.outcomesMax}
          onClick={() => update({ outcomes: [...state.outcomes, { key: newKey(), title: '', measure: '' }] })}
        >
          {strings.addOutcome}
        </Button>
        {listError('boundaries')}
        {state.boundaries.map((b, i) => (
          <div key={b.key} className={styles.triple}>
            <Field label={strings.boundaryLabel(i + 1)} {...field(`boundaries.${i}.area`)}>
              <Input
                value={b.area}
                onBlur={touch(`boundaries.${i}.area`)}
                onChange={(_e, d) =>
                  update({
                    boundaries: state.boundaries.map((x) => (x.key === b.key ? { ...x, area: d.value } : x)),
                  })
                }
              />
            </Field>
            <Field label={strings.rightLabel(i + 1)} {...field(`boundaries.${i}.right`)}>
              <Select
                value={b.right}
                onChange={(_e, d) =>
                  update({
                    boundaries: state.boundaries.map((x) =>
                      x.key === b.key ? { ...x, right: d.value as DecisionRight } : x,
                    ),
                  })
                }
              >
                {DECISION_RIGHTS.map((r) => (
                  <option key={r} value={r}>
                    {strings.decisionRights[r]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={strings.noteLabel(i + 1)} {...field(`boundaries.${i}.note`)}>
              <Input
                value={b.note}
                onBlur={touch(`boundaries.${i}.note`)}
                onChange={(_e, d) =>
                  update({
                    boundaries: state.boundaries.map((x) => (x.key === b.key ? { ...x, note: d.value } : x)),
                  })
                }
              />
            </Field>
            <Button
              aria-label={strings.removeLabel(strings.boundaryLabel(i + 1))}
              onClick={() => update({ boundaries: state.boundaries.filter((x) => x.key !== b.key) })}
            >
              {strings.remove}
            </Button>
          </div>
        ))}
        <Button
          className={styles.add}
          disabled={state.boundaries.length >= CHARTER_LIMITS.boundariesMax}
          onClick={() =>
            update({
              boundaries: [...state.boundaries, { key: newKey(), area: '', right: 'team_decides', note: '' }],
            })
          }
        >
          {strings.addBoundary}
        </Button>
      </section>

      <section className={styles.section} aria-labelledby="ed-checkins">
        <Subtitle1 as="h2" id="ed-checkins">
          {strings.checkIns}
        </Subtitle1>
        <Switch
          label={strings.checkInsEnabled}
          checked={state.checkIns !== null}
          onChange={(_e, d) => {
            if (!d.checked) remembered.current.checkIns = state.checkIns;
            update({
              checkIns: d.checked
                ? (remembered.current.checkIns ?? {
                    cadence: defaultCadence(state.timeZone, today, 'checkIns'),
                    anonymityMinimum: 3,
                    quietHours: null,
                    namedAnswersVisibleTo: 'team',
                  })
                : null,
            });
          }}
        />
        {state.checkIns ? (
          <>
            <CadencePicker
              path="checkIns.cadence"
              value={state.checkIns.cadence}
              onChange={(cadence) => patchCheckIns({ cadence })}
              errorAt={errorAt}
              onBlurPath={(p) => touch(p)()}
              viewerZone={viewerZone}
              zones={zones}
              now={now}
            />
            <div className={styles.grid}>
              <Field label={strings.anonymityLabel} {...field('checkIns.anonymityMinimum')}>
                <Input
                  type="number"
                  min={CHARTER_LIMITS.anonymityMinimumMin}
                  max={CHARTER_LIMITS.anonymityMinimumMax}
                  value={String(state.checkIns.anonymityMinimum)}
                  onBlur={touch('checkIns.anonymityMinimum')}
                  onChange={(_e, d) => patchCheckIns({ anonymityMinimum: Number(d.value) })}
                />
              </Field>
              <Field label={strings.quietStart} {...field('checkIns.quietHours.start')}>
                <Input
                  type="time"
                  value={state.checkIns.quietHours?.start ?? ''}
                  onChange={(_e, d) =>
                    patchCheckIns({
                      quietHours: d.value
                        ? { start: d.value, end: state.checkIns?.quietHours?.end ?? '08:00' }
                        : null,
                    })
                  }
                />
              </Field>
              <Field label={strings.quietEnd} {...field('checkIns.quietHours.end')}>
                <Input
                  type="time"
                  value={state.checkIns.quietHours?.end ?? ''}
                  onChange={(_e, d) =>
                    patchCheckIns({
                      quietHours: d.value
                        ? { start: state.checkIns?.quietHours?.start ?? '19:00', end: d.value }
                        : null,
                    })
                  }
                />
              </Field>
              <Field label={strings.namedVisibleTo} {...field('checkIns.namedAnswersVisibleTo')}>
                <Select
                  value={state.checkIns.namedAnswersVisibleTo}
                  onChange={(_e, d) =>
                    patchCheckIns({ namedAnswersVisibleTo: d.value as 'team' | 'editors' })
                  }
                >
                  <option value="team">{strings.namedAudiences.team}</option>
                  <option value="editors">{strings.namedAudiences.editors}</option>
                </Select>
              </Field>
            </div>
          </>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="ed-review">
        <Subtitle1 as="h2" id="ed-review">
          {strings.reviews}
        </Subtitle1>
        <Switch
          label={strings.reviewsEnabled}
          checked={state.review !== null}
          onChange={(_e, d) => {
            if (!d.checked) remembered.current.review = state.review;
            update({
              review: d.checked
                ? (remembered.current.review ?? {
                    cadence: defaultCadence(state.timeZone, today, 'review'),
                    organizerId: meId,
                  })
                : null,
            });
          }}
        />
        {state.review ? (
          <>
            <CadencePicker
              path="review.cadence"
              value={state.review.cadence}
              onChange={(cadence) => patchReview({ cadence })}
              errorAt={errorAt}
              onBlurPath={(p) => touch(p)()}
              viewerZone={viewerZone}
              zones={zones}
              now={now}
            />
            <Suspense fallback={null}>
              <SlotSuggestions
                key={`${state.review.organizerId}|${state.review.cadence.durationMinutes}`}
                api={api}
                teamId={teamId}
                cadence={state.review.cadence}
                organizerId={state.review.organizerId}
                viewerZone={viewerZone}
                onChange={(cadence) => patchReview({ cadence })}
              />
            </Suspense>
            <Field label={strings.organizerLabel} {...field('review.organizerId')}>
              <Select
                value={state.review.organizerId}
                onChange={(_e, d) => patchReview({ organizerId: d.value })}
              >
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="ed-team">
        <Subtitle1 as="h2" id="ed-team">
          {strings.editors}
        </Subtitle1>
        <Field label={strings.teamTimeZone} {...field('timeZone')}>
          <Select value={state.timeZone} onChange={(_e, d) => update({ timeZone: d.value })}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.editorsLabel} {...field('editorIds')}>
          <div role="group" aria-label={strings.editorsLabel}>
            {members.map((m) => (
              <Checkbox
                key={m.id}
                label={memberName(m.id)}
                checked={state.editorIds.includes(m.id)}
                onChange={(_e, d) =>
                  update({
                    editorIds: d.checked
                      ? [...state.editorIds, m.id]
                      : state.editorIds.filter((id) => id !== m.id),
                  })
                }
              />
            ))}
          </div>
        </Field>
      </section>

      <Divider />
      <Field label={strings.why} hint={strings.whyHint} {...field('why')}>
        <Textarea value={why} resize="vertical" onChange={(_e, d) => setWhy(d.value)} />
      </Field>
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving || conflict !== null}>
          {saving ? strings.saving : base ? strings.save : strings.create}
        </Button>
        <Button onClick={props.onCancel}>{strings.cancel}</Button>
      </div>
    </form>
  );
}
