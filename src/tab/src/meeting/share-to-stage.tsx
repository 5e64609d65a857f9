import { Body1, Button, Caption1 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

import { meetingStrings } from '../strings/meeting';
import { useMeetingStyles } from './meeting.styles';
import type { StageCheck, StageSharing } from './stage-sharing';

/**
 * Share to stage (the facilitator's: the editors lead the room, and a member's click should not take over the
 * meeting's stage). Asks the host first whether this app may share, and says why not when it may not.
 */
export function ShareToStage({ sharing }: { sharing: StageSharing }) {
  const styles = useMeetingStyles();
  const [check, setCheck] = useState<StageCheck | null>(null);
  const [said, setSaid] = useState<{ text: string; alert: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    sharing.check().then(
      (c) => live && setCheck(c),
      () => live && setCheck({ ok: false, reason: meetingStrings.shareUnavailable.host }),
    );
    return () => {
      live = false;
    };
  }, [sharing]);
  if (!check) return null;
  const share = () =>
    sharing.share().then(
      () => setSaid({ text: meetingStrings.shared, alert: false }),
      (e: unknown) =>
        setSaid({
          text: meetingStrings.actionFailed(e instanceof Error ? e.message : String(e)),
          alert: true,
        }),
    );
  return (
    <div className={styles.column}>
      <div className={styles.row}>
        <Button
          disabledFocusable={!check.ok}
          aria-describedby={check.ok ? undefined : 'share-unavailable'}
          onClick={() => void share()}
        >
          {meetingStrings.share}
        </Button>
        {check.ok ? null : (
          <Caption1 id="share-unavailable" className={styles.secondary}>
            {check.reason}
          </Caption1>
        )}
      </div>
      {said ? <Body1 role={said.alert ? 'alert' : 'status'}>{said.text}</Body1> : null}
    </div>
  );
}
