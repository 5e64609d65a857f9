import { Text } from '@fluentui/react-components';

import type { Cadence } from '../../../domain/cadence/cadence';
import { cadenceStrings } from '../strings/cadence';
import { useCadencePickerStyles } from './cadence-picker.styles';
import { OccurrenceList } from './occurrence-list';
import type { CadencePickerModel } from './use-cadence-picker';

/** "29 Mar" for a `YYYY-MM-DD` day (read as a calendar date, not an instant). */
function formatLocalDay(localDate: string): string {
  return new Date(`${localDate}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** The next five occurrences in the viewer's zone and the cadence's own, with what DST and quiet hours do to them. */
export function CadencePreview({
  picker,
  value,
  path,
  viewerZone,
}: {
  picker: CadencePickerModel;
  value: Cadence;
  path: string;
  viewerZone: string;
}) {
  const styles = useCadencePickerStyles();
  const { occurrences, notes, quiet } = picker;
  return (
    <div className={`${styles.preview} ${styles.wide}`}>
      <Text weight="semibold" block>
        {cadenceStrings.preview}
      </Text>
      {occurrences ? (
        <OccurrenceList
          occurrences={occurrences}
          viewerZone={viewerZone}
          teamZone={value.timeZone}
          label={`${cadenceStrings.preview}: ${path}`}
        />
      ) : (
        <Text>{cadenceStrings.previewInvalid}</Text>
      )}
      {notes.map((n) => (
        <Text key={n.localDate} className={styles.note} block data-testid="dst-note">
          {n.kind === 'gap'
            ? cadenceStrings.dstGap(n.startTime, formatLocalDay(n.localDate), n.runsAt)
            : cadenceStrings.dstRepeated(n.startTime, formatLocalDay(n.localDate))}
        </Text>
      ))}
      {quiet ? (
        <Text className={styles.note} block data-testid="quiet-note">
          {cadenceStrings.insideQuietHours(value.startTime, quiet.start, quiet.end)}
        </Text>
      ) : null}
    </div>
  );
}
