import { makeStyles, tokens } from '@fluentui/react-components';

import { plainList } from '../app/plain-list';

/** The reviews panel: sections in a column, rows that wrap, the agenda in a box of its own that scrolls. */
export const useReviewsPanelStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: plainList(tokens.spacingVerticalS),
  secondary: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  agenda: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    maxHeight: '16rem',
    overflowY: 'auto',
    display: 'grid',
    rowGap: tokens.spacingVerticalXXS,
  },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});
