import { makeStyles, tokens } from '@fluentui/react-components';

import { plainList } from '../app/plain-list';

/**
 * The meeting's views. The side panel is narrow (Teams gives it 280–320 px): one column, rows that wrap, text that
 * breaks anywhere. The stage is wide: the charter in columns. Tokens only; in the contrast theme the highlight is a
 * border in the system's highlight colour as well as a background, so it never rests on colour alone.
 */
export const useMeetingStyles = makeStyles({
  panel: {
    boxSizing: 'border-box',
    minWidth: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    overflowWrap: 'anywhere',
  },
  stage: {
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
    overflowWrap: 'anywhere',
  },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  heading: { margin: 0 },
  secondary: { color: tokens.colorNeutralForeground2 },
  sections: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  list: plainList(tokens.spacingVerticalS),
  clause: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
  },
  currentClause: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    '@media (forced-colors: active)': { border: `${tokens.strokeWidthThick} solid Highlight` },
  },
  revised: { fontStyle: 'italic' },
  dropped: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground2 },
  notes: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    rowGap: tokens.spacingVerticalXXS,
  },
  clock: { fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteRedForeground1 },
});
