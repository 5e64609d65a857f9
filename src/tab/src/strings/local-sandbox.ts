/**
 * The local sandbox banner (outside Teams): who the tab is shown as, in which team and theme. Functions take the
 * variable parts; dates and times are formatted with Intl elsewhere (format.ts), never here.
 */
export const localSandboxStrings = {
  title: 'Local sandbox',
  detail:
    'You are not inside Microsoft Teams. Pick a demo team and one of its members to see the tab as they would; nothing here proves who you are.',
  personalDetail:
    'You are not inside Microsoft Teams, Outlook or the Microsoft 365 app. Pick a demo member to see their page as they would; nothing here proves who you are.',
  teamPicker: 'Team',
  memberPicker: 'Viewing as',
  themePicker: 'Theme',
  themes: { default: 'Light', dark: 'Dark', contrast: 'High contrast' },
} as const;
