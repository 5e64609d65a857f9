import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';

/**
 * Renders `ui` in Fluent's light theme inside an awaited act, so what it loads lazily on mount (suggestions, a list)
 * arrives inside act, not after it.
 */
export async function renderInFluent(ui: ReactElement): Promise<void> {
  await act(async () => {
    render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
  });
}
