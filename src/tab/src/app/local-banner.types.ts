import type { LocalContext } from '../../../contract/api-types';
import type { ThemeName } from '../host/tab-host';

/** The local sandbox banner's team, member and theme pickers, and what each choice calls. */
export interface LocalBannerProps {
  context: LocalContext;
  teamId: string;
  userId: string;
  onTeamChange: (teamId: string) => void;
  onUserChange: (id: string) => void;
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}
