/**
 * The Adaptive Cards host config for the Teams theme on screen: colours from the Fluent theme's tokens (so a card in
 * the dark or high-contrast theme is drawn on that theme's surfaces, as Teams does), Fluent's font family, and Teams'
 * own sizes and spacing (its published host configs: text 12/14/14/18/24 px, spacing 8/12/16/20/24 px, padding 16 px),
 * which are Fluent's type ramp and spacing tokens where Fluent has one.
 */
import type { Theme } from '@fluentui/react-components';
import { HostConfig } from 'adaptivecards';

/** `"14px"` → 14: the renderer takes sizes as numbers of pixels. */
function px(token: string): number {
  return Number.parseFloat(token);
}

export function cardHostConfig(theme: Theme): HostConfig {
  const text = (normal: string, subtle: string) => ({ default: normal, subtle });
  const neutral = text(theme.colorNeutralForeground1, theme.colorNeutralForeground2);
  const foregroundColors = {
    default: neutral,
    // Teams gives Dark and Light fixed colours, and one of them vanishes on each theme's surface; here both stay
    // readable on every theme (and white in high contrast, as it requires).
    dark: neutral,
    light: neutral,
    accent: text(theme.colorBrandForeground1, theme.colorBrandForeground2),
    good: text(theme.colorStatusSuccessForeground1, theme.colorStatusSuccessForeground3),
    warning: text(theme.colorStatusWarningForeground1, theme.colorStatusWarningForeground3),
    attention: text(theme.colorStatusDangerForeground1, theme.colorStatusDangerForeground3),
  };
  const style = (backgroundColor: string) => ({
    backgroundColor,
    borderColor: theme.colorNeutralStroke2,
    foregroundColors,
  });
  const fontSizes = {
    small: px(theme.fontSizeBase200),
    default: px(theme.fontSizeBase300),
    medium: px(theme.fontSizeBase300),
    large: 18,
    extraLarge: px(theme.fontSizeBase600),
  };
  const fontWeights = { lighter: 200, default: theme.fontWeightRegular, bolder: theme.fontWeightSemibold };

  return new HostConfig({
    supportsInteractivity: true,
    choiceSetInputValueSeparator: ',',
    fontTypes: {
      default: { fontFamily: theme.fontFamilyBase, fontSizes, fontWeights },
      monospace: { fontFamily: theme.fontFamilyMonospace, fontSizes, fontWeights },
    },
    lineHeights: {
      small: px(theme.lineHeightBase200),
      default: px(theme.lineHeightBase300),
      medium: px(theme.lineHeightBase300),
      large: 24,
      extraLarge: px(theme.lineHeightBase600),
    },
    spacing: {
      small: px(theme.spacingVerticalS),
      default: px(theme.spacingVerticalM),
      medium: px(theme.spacingVerticalL),
      large: px(theme.spacingVerticalXL),
      extraLarge: px(theme.spacingVerticalXXL),
      padding: px(theme.spacingHorizontalL),
    },
    separator: { lineThickness: 1, lineColor: theme.colorNeutralStroke2 },
    containerStyles: {
      default: style(theme.colorNeutralBackground1),
      emphasis: style(theme.colorNeutralBackground2),
      accent: style(theme.colorBrandBackground2),
      good: style(theme.colorStatusSuccessBackground1),
      warning: style(theme.colorStatusWarningBackground1),
      attention: style(theme.colorStatusDangerBackground1),
    },
    inputs: {
      label: {
        inputSpacing: 'small',
        requiredInputs: { weight: 'default', suffix: ' *', suffixColor: 'attention' },
        optionalInputs: { weight: 'default' },
      },
      errorMessage: { size: 'small', color: 'attention' },
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: px(theme.spacingHorizontalS),
      showCard: { actionMode: 'inline', inlineTopMargin: px(theme.spacingVerticalL), style: 'emphasis' },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
    },
    adaptiveCard: { allowCustomStyle: false },
    factSet: {
      title: { weight: 'bolder', wrap: true },
      value: { wrap: true },
      spacing: px(theme.spacingHorizontalL),
    },
  });
}
