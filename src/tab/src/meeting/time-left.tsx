import { Caption1, Subtitle2 } from '@fluentui/react-components';

import { meetingStrings } from '../strings/meeting';
import { useMeetingStyles } from './meeting.styles';
import { clock, useTimeLeft } from './use-time-left';

/**
 * The current section's time left, counted down here from the session's `endsAt`. A timer, not a live region: a
 * screen reader reads it when asked, never every second.
 */
/** `large`: on the stage, read from across the room. */
export function TimeLeft({ endsAt, large = false }: { endsAt: string | null; large?: boolean }) {
  const styles = useMeetingStyles();
  const left = useTimeLeft(endsAt);
  if (left === null) return null;
  const text = left >= 0 ? meetingStrings.timeLeft(clock(left)) : meetingStrings.overTime(clock(left));
  const Text = large ? Subtitle2 : Caption1;
  return (
    <Text
      role="timer"
      aria-label={meetingStrings.timeLeftLabel}
      className={left >= 0 ? styles.clock : `${styles.clock} ${styles.over}`}
    >
      {text}
    </Text>
  );
}
