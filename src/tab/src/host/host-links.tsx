/**
 * Links into Teams from the tab: a chat with the editors, a meeting's join link. Framed by Teams, an ordinary link
 * opens a browser tab (Teams desktop) instead of the chat or the meeting; teams-js `app.openLink` hands the address to
 * Teams, which opens it where it belongs. Outside Teams (the local sandbox) the links open as ordinary new-tab links.
 */
import { type AnchorHTMLAttributes, createContext, type MouseEvent, useContext } from 'react';

/** Opens an address the way the host does (teams-js `app.openLink`); rejects when the host cannot. */
export type OpenInHost = (url: string) => Promise<void>;

const OpenInHostContext = createContext<OpenInHost | null>(null);

/** Set by the app when Teams hosts it; absent in the local sandbox. */
export const OpenInHostProvider = OpenInHostContext.Provider;

/**
 * The click handler for a link to `href` inside Teams: the host opens it (and if it cannot, a new tab does); undefined
 * outside Teams, where the link's own `target="_blank"` applies.
 */
export function useOpenInHost(href: string): ((event: MouseEvent<HTMLElement>) => void) | undefined {
  const open = useContext(OpenInHostContext);
  if (!open) return undefined;
  return (event) => {
    event.preventDefault();
    open(href).catch(() => window.open(href, '_blank', 'noopener,noreferrer'));
  };
}

/** A link that opens in a new tab, or through the host when Teams hosts the page (plain markup: no Fluent). */
export function HostLink(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = useOpenInHost(props.href);
  return <a {...props} target="_blank" rel="noopener noreferrer" onClick={onClick} />;
}
