import { teamsLightTheme, type Theme } from '@fluentui/react-components';

import type { ThemeName } from '../host/tab-host';

const loaded: Partial<Record<ThemeName, Theme>> = { default: teamsLightTheme };

/** A theme that is already here: the light one always, the dark and high-contrast ones once loaded. */
export function loadedTheme(name: ThemeName): Theme | undefined {
  return loaded[name];
}

/** The light theme is in the first bundle; the dark and high-contrast ones are a chunk of their own. */
export async function loadTheme(name: ThemeName): Promise<Theme> {
  const ready = loaded[name];
  if (ready) return ready;
  const { teamsDarkTheme, teamsHighContrastTheme } = await import('./dark-themes');
  loaded.dark = teamsDarkTheme;
  loaded.contrast = teamsHighContrastTheme;
  return loaded[name] ?? teamsLightTheme;
}
