import { makeStyles, tokens } from '@fluentui/react-components';

/** The check-ins panel: sections in a column, and a rounds table that keeps each date on one line. */
export const useCheckInsPanelStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  secondary: { color: tokens.colorNeutralForeground2 },
  table: { tableLayout: 'auto' },
  // A round's date on one line, however narrow the side column.
  date: { whiteSpace: 'nowrap' },
});
