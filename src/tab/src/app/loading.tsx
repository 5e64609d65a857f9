/**
 * The loading indicator. Fluent's Spinner is a chunk of its own: a tab that starts from the page's boot data never
 * shows it, so the first bundle does without it.
 */
import { lazy, Suspense } from 'react';

import { appStrings } from '../strings/app';

const Spinner = lazy(() => import('./spinner').then((m) => ({ default: m.Spinner })));

export function Loading() {
  return (
    <Suspense fallback={null}>
      <Spinner label={appStrings.loading} />
    </Suspense>
  );
}
