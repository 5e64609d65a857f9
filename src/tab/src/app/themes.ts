import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

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

/**
 * The Fluent theme to render for `theme`: the one shown so far until a theme not loaded yet has arrived (main.tsx loads
 * the first one before rendering), so a change of theme never flashes. Also tells the browser light or dark.
 */
export function useShownTheme(theme: ThemeName): Theme | undefined {
  const [shown, setShown] = useState(() => loadedTheme(theme) ?? loadedTheme('default'));
  useEffect(() => {
    let live = true;
    void loadTheme(theme).then((t) => {
      if (!live) return;
      setShown(t);
      document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
    });
    return () => {
      live = false;
    };
  }, [theme]);
  return shown;
}
