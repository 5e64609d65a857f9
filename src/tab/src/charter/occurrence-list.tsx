import { makeStyles, Text, tokens } from '@fluentui/react-components';

import type { Occurrence } from '../../../domain/cadence/next-occurrences';
import { plainList } from '../app/plain-list';
import { formatDateTime } from '../format';
import { charterStrings } from '../strings/charter';

const useStyles = makeStyles({
  list: plainList(tokens.spacingVerticalXS),
  secondary: { color: tokens.colorNeutralForeground2 },
});

/** Each occurrence in the viewer's zone, with the team's zone beside it when the two differ. */
export function OccurrenceList(props: {
  occurrences: readonly Occurrence[];
  viewerZone: string;
  teamZone: string;
  label: string;
}) {
  const styles = useStyles();
  const same = props.viewerZone === props.teamZone;
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.occurrences.map((o) => (
        <li key={o.start.toISOString()}>
          <Text>
            {formatDateTime(o.start, props.viewerZone)}{' '}
            <span className={styles.secondary}>({charterStrings.yourTime})</span>
          </Text>
          {same ? null : (
            <Text className={styles.secondary} block>
              {formatDateTime(o.start, props.teamZone)} · {charterStrings.teamTime(props.teamZone)}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}
