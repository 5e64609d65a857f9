/** What the local sandbox banner shows (a chunk of its own, see local-banner.tsx). */
import { localSandboxStrings } from '../strings/local-sandbox';
import type { LocalBannerProps } from './local-banner.types';
import { LocalPicker, LocalSandboxNotice, memberOption, ThemePicker } from './local-sandbox-pickers';

export function LocalBannerBody(props: LocalBannerProps) {
  const team = props.context.teams.find((t) => t.teamId === props.teamId);
  return (
    <LocalSandboxNotice detail={localSandboxStrings.detail}>
      <LocalPicker
        label={localSandboxStrings.teamPicker}
        value={props.teamId}
        options={props.context.teams.map((t) => ({ value: t.teamId, label: t.teamName }))}
        onChange={props.onTeamChange}
      />
      <LocalPicker
        label={localSandboxStrings.memberPicker}
        value={props.userId}
        options={(team?.members ?? []).map(memberOption)}
        onChange={props.onUserChange}
      />
      <ThemePicker theme={props.theme} onChange={props.onThemeChange} />
    </LocalSandboxNotice>
  );
}
