/**
 * The look of the controls inside a rendered Adaptive Card (the renderer's `ac-*` classes): text fields, drop-downs,
 * check boxes, radio buttons and action buttons drawn like Fluent's Input, Select and Button on the theme on screen,
 * through Fluent's token CSS variables. The card's text and surfaces come from the host config (card-host-config.ts).
 */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Griffel takes border colours side by side (no `borderColor` shorthand). */
function borderColors(color: string) {
  return { borderTopColor: color, borderRightColor: color, borderBottomColor: color, borderLeftColor: color };
}

const field = {
  boxSizing: 'border-box',
  minHeight: '32px',
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  backgroundColor: tokens.colorNeutralBackground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  borderBottomColor: tokens.colorNeutralStrokeAccessible,
  borderRadius: tokens.borderRadiusMedium,
  ':hover': {
    ...borderColors(tokens.colorNeutralStroke1Hover),
    borderBottomColor: tokens.colorNeutralStrokeAccessibleHover,
  },
  ':focus': {
    outlineStyle: 'none',
    borderBottomColor: tokens.colorCompoundBrandStroke,
    boxShadow: `inset 0 -${tokens.strokeWidthThin} 0 ${tokens.colorCompoundBrandStroke}`,
  },
} as const;

const focusRing = {
  outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
  outlineOffset: tokens.strokeWidthThin,
} as const;

/** Check boxes and radio buttons: the browser's own, in the theme's brand colour. */
const choice = {
  accentColor: tokens.colorCompoundBrandBackground,
  width: '16px',
  height: '16px',
  margin: 0,
  ':focus-visible': focusRing,
} as const;

export const useAdaptiveCardStyles = makeStyles({
  card: {
    maxWidth: '520px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    // The card paints its own surface: keep it inside the rounded border.
    overflow: 'hidden',
    '& .ac-input': {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      lineHeight: tokens.lineHeightBase300,
      color: tokens.colorNeutralForeground1,
    },
    '& .ac-textInput': field,
    '& .ac-multichoiceInput': field,
    '& .ac-numberInput': field,
    '& .ac-dateInput': field,
    '& .ac-timeInput': field,
    '& .ac-multiline': { minHeight: '64px', resize: 'vertical' },
    '& .ac-input-validation-failed': borderColors(tokens.colorPaletteRedBorder2),
    '& input[type="checkbox"]': choice,
    '& input[type="radio"]': choice,
    '& .ac-pushButton': {
      minHeight: '32px',
      minWidth: '96px',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      lineHeight: tokens.lineHeightBase300,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      cursor: 'pointer',
      ':hover': {
        color: tokens.colorNeutralForeground1Hover,
        backgroundColor: tokens.colorNeutralBackground1Hover,
        ...borderColors(tokens.colorNeutralStroke1Hover),
      },
      ':active': {
        color: tokens.colorNeutralForeground1Pressed,
        backgroundColor: tokens.colorNeutralBackground1Pressed,
        ...borderColors(tokens.colorNeutralStroke1Pressed),
      },
      ':focus-visible': focusRing,
    },
    '& .ac-pushButton.style-positive': {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackground,
      ...borderColors('transparent'),
      ':hover': {
        color: tokens.colorNeutralForegroundOnBrand,
        backgroundColor: tokens.colorBrandBackgroundHover,
      },
      ':active': {
        color: tokens.colorNeutralForegroundOnBrand,
        backgroundColor: tokens.colorBrandBackgroundPressed,
      },
    },
    '& .ac-pushButton-disabled': {
      minHeight: '32px',
      minWidth: '96px',
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForegroundDisabled,
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeDisabled}`,
      borderRadius: tokens.borderRadiusMedium,
      cursor: 'not-allowed',
    },
    '& a.ac-anchor': {
      color: tokens.colorBrandForegroundLink,
      textDecorationLine: 'none',
      ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
      ':focus-visible': focusRing,
    },
  },
});
