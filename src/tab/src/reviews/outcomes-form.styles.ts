import { makeStyles, tokens } from '@fluentui/react-components';

/** The review outcomes form: one block per clause, ruled off from the next, and a row of buttons. */
export const useOutcomesFormStyles = makeStyles({
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  clause: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fieldset: { border: 'none', margin: 0, padding: 0 },
});
