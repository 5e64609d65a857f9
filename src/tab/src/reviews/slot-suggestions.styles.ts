import { makeStyles, tokens } from '@fluentui/react-components';

/** Suggested review times: a box beside the cadence, one card per slot, each person's time below it. */
export const useSlotSuggestionsStyles = makeStyles({
  box: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  start: { justifySelf: 'start' },
  slots: {
    display: 'grid',
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    paddingInlineStart: 0,
    listStyle: 'none',
  },
  slot: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  people: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    rowGap: tokens.spacingVerticalXXS,
  },
  person: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  fits: { color: tokens.colorPaletteGreenForeground1 },
  leavesOut: { color: tokens.colorNeutralForeground2 },
});
