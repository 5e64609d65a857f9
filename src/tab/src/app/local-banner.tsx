import { Suspense } from 'react';
import type { LocalContext } from '../api/types';
import type { ThemeName } from '../host/tab-host';
import { strings } from '../strings';
import { lazyAfterPaint } from './after-paint';
import { usePaintedOnce } from './painted';

// The message and the pickers (Fluent's MessageBar, Field and Select) follow the charter's first paint; the region
// keeps their place meanwhile (tab.css), so the charter does not move when they arrive.
const LocalBannerBody = lazyAfterPaint(() => import('./local-banner-body').then((m) => m.LocalBannerBody));

const placeholder = <div className="tc-banner-placeholder" />;

export interface LocalBannerProps {
  context: LocalContext;
  teamId: string;
  userId: string;
  onTeamChange: (teamId: string) => void;
  onUserChange: (id: string) => void;
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}

/**
 * Local mode only: says so, and lets a person open either demo team, act as any of its members, and try the Teams
 * themes.
 */
export function LocalBanner(props: LocalBannerProps) {
  const painted = usePaintedOnce();
  return (
    <div className="tc-banner" role="region" aria-label={strings.localBanner}>
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
