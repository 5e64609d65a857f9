/** Local mode only: says so, and lets a person see the page as any demo member and try the Teams themes. */
import { LocalPicker, LocalSandboxNotice, memberOption, ThemePicker } from '../app/local-sandbox-pickers';
import type { ThemeName } from '../host/tab-host';
import { localSandboxStrings } from '../strings/local-sandbox';

export interface MeLocalBannerProps {
  members: readonly { id: string; name: string; timeZone: string | null }[];
  userId: string;
  onUserChange: (id: string) => void;
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}

export function MeLocalBanner(props: MeLocalBannerProps) {
  return (
    <div className="tc-banner" role="region" aria-label={localSandboxStrings.title}>
      <LocalSandboxNotice detail={localSandboxStrings.personalDetail}>
        <LocalPicker
          label={localSandboxStrings.memberPicker}
          value={props.userId}
          options={props.members.map(memberOption)}
          onChange={props.onUserChange}
        />
        <ThemePicker theme={props.theme} onChange={props.onThemeChange} />
      </LocalSandboxNotice>
    </div>
  );
}
