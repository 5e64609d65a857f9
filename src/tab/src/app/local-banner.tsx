import { Suspense } from 'react';

import { localSandboxStrings } from '../strings/local-sandbox';
import { lazyAfterPaint } from './after-paint';
import type { LocalBannerProps } from './local-banner.types';
import { usePaintedOnce } from './painted';

// The message and the pickers (Fluent's MessageBar, Field and Select) follow the charter's first paint; the region
// keeps their place meanwhile (tab.css), so the charter does not move when they arrive.
const LocalBannerBody = lazyAfterPaint(() => import('./local-banner-body').then((m) => m.LocalBannerBody));

const placeholder = <div className="tc-banner-placeholder" />;

/**
 * Local mode only: says so, and lets a person open either demo team, act as any of its members, and try the Teams
 * themes.
 */
export function LocalBanner(props: LocalBannerProps) {
  const painted = usePaintedOnce();
  return (
    <div className="tc-banner" role="region" aria-label={localSandboxStrings.title}>
      {painted ? (
        <Suspense fallback={placeholder}>
          <LocalBannerBody {...props} />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}
