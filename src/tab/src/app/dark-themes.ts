/** The Teams dark and high-contrast themes, loaded on demand (see themes.ts). */
export { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
