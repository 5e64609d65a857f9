/**
 * An open check-in answered on the personal page: the card's questions (progress per outcome, one boundary that
 * helped or got in the way, the support needed, sharing with a name) with the card's rules, sent to the same
 * server-side validation as the card. After sending, the focus moves to the confirmation, which is announced.
 */
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

import type { CheckInAnswerSaved, MyOpenCheckIn } from '../../../contract/api-types';
import { BOUNDARY_EFFECTS, CHECKIN_LIMITS, PROGRESS_SCORES } from '../../../domain/checkin/check-in';
import { ANSWER_FIELDS } from '../../../domain/checkin/validate-answer';
import type { CharterApi } from '../api/charter-api';
import { formatDateTime } from '../format';
import { myChartersStrings } from '../strings/my-charters';
import { useCheckInForm } from './use-check-in-form';

const s = myChartersStrings.checkIn;

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM },
  scores: { flexWrap: 'wrap' },
  // A long boundary name must not widen the form past a phone's width: the choice is cut, the list shows it whole.
  select: { minWidth: 0, maxWidth: '100%' },
  selectControl: { minWidth: 0, textOverflow: 'ellipsis' },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export interface CheckInFormProps {
  teamId: string;
  teamName: string;
  checkIn: MyOpenCheckIn;
  api: CharterApi;
  viewerZone: string;
  onAnswered: (teamId: string, saved: CheckInAnswerSaved) => void;
}

export function CheckInForm(props: CheckInFormProps) {
  const { teamId, teamName, checkIn, viewerZone } = props;
  const styles = useStyles();
  const form = useCheckInForm(props);
  const { inputs, set, outcome, problemAt } = form;
  const statusRef = useRef<HTMLDivElement>(null);
  const headingId = `checkin-${teamId}`;
  useEffect(() => {
    if (outcome.kind !== 'idle' && outcome.kind !== 'sending') statusRef.current?.focus();
  }, [outcome]);
  const boundary = inputs[ANSWER_FIELDS.boundary] ?? '';
  const sending = outcome.kind === 'sending';

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {s.title}
      </Subtitle2>
      <Text>{checkIn.answered ? s.answered : s.openUntil(formatDateTime(checkIn.closesAt, viewerZone))}</Text>
      <form
        className={styles.form}
        aria-labelledby={headingId}
        onSubmit={(e) => {
          e.preventDefault();
          void form.send();
        }}
      >
        {checkIn.questions.outcomes.map((o) => {
          const id = ANSWER_FIELDS.progress(o.id);
          return (
            <Field key={o.id} label={s.progress(o.title)} required validationMessage={problemAt(id)}>
              <RadioGroup
                layout="horizontal"
                className={styles.scores}
                value={inputs[id] ?? ''}
                onChange={(_e, d) => set(id, d.value)}
              >
                {PROGRESS_SCORES.map((score) => (
                  <Radio key={score} value={String(score)} label={s.scores[score - 1]} />
                ))}
              </RadioGroup>
            </Field>
          );
        })}
        {checkIn.questions.boundaries.length > 0 ? (
          <>
            <Field label={s.boundary} validationMessage={problemAt(ANSWER_FIELDS.boundary)}>
              <Select
                className={styles.select}
                select={{ className: styles.selectControl }}
                value={boundary}
                onChange={(_e, d) => set(ANSWER_FIELDS.boundary, d.value)}
              >
                <option value="">{s.noBoundary}</option>
                {checkIn.questions.boundaries.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.area}
                  </option>
                ))}
              </Select>
            </Field>
            {boundary ? (
              <>
                <Field label={s.effect} validationMessage={problemAt(ANSWER_FIELDS.boundaryEffect)}>
                  <RadioGroup
                    layout="horizontal"
                    value={inputs[ANSWER_FIELDS.boundaryEffect] ?? ''}
                    onChange={(_e, d) => set(ANSWER_FIELDS.boundaryEffect, d.value)}
                  >
                    {BOUNDARY_EFFECTS.map((effect) => (
                      <Radio key={effect} value={effect} label={s.effects[effect]} />
                    ))}
                  </RadioGroup>
                </Field>
                <Field label={s.note} validationMessage={problemAt(ANSWER_FIELDS.boundaryNote)}>
                  <Textarea
                    value={inputs[ANSWER_FIELDS.boundaryNote] ?? ''}
                    maxLength={CHECKIN_LIMITS.boundaryNoteMax}
                    onChange={(_e, d) => set(ANSWER_FIELDS.boundaryNote, d.value)}
                  />
                </Field>
              </>
            ) : null}
          </>
        ) : null}
        <Field label={s.support} validationMessage={problemAt(ANSWER_FIELDS.support)}>
          <Textarea
            value={inputs[ANSWER_FIELDS.support] ?? ''}
            maxLength={CHECKIN_LIMITS.supportMax}
            onChange={(_e, d) => set(ANSWER_FIELDS.support, d.value)}
          />
        </Field>
        <Checkbox
          label={s.share}
          checked={inputs[ANSWER_FIELDS.share] === 'true'}
          onChange={(_e, d) => set(ANSWER_FIELDS.share, d.checked === true ? 'true' : 'false')}
        />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={sending}>
            {sending ? s.sending : checkIn.answered ? s.update : s.send}
          </Button>
        </div>
      </form>
      <div ref={statusRef} tabIndex={-1} role="status">
        {outcome.kind === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{s.saved(teamName)}</MessageBarBody>
          </MessageBar>
        ) : outcome.kind === 'invalid' ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              {s.problems} {outcome.problems.map((p) => p.message).join(' ')}
            </MessageBarBody>
          </MessageBar>
        ) : outcome.kind === 'closed' || outcome.kind === 'failed' ? (
          <MessageBar intent="error">
            <MessageBarBody>
              {outcome.kind === 'closed' ? s.closed : s.failed}
              {outcome.kind === 'failed' && outcome.detail ? ` (${outcome.detail})` : ''}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </section>
  );
}
