import { makeStyles, tokens } from '@fluentui/react-components';

/** The cadence picker: a grid of fields that wraps with the tab's width, the preview across it. */
export const useCadencePickerStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    '& > *': { minWidth: 0 },
  },
  wide: { gridColumn: '1 / -1' },
  // A native select is as wide as its longest option (America/Argentina/Buenos_Aires): held to its grid cell instead.
  fill: { width: '100%', minWidth: 0, '& select': { minWidth: 0, width: '100%' } },
  note: { color: tokens.colorPaletteMarigoldForeground2 },
  preview: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});
