import { Link } from '@fluentui/react-components';

import { useOpenInHost } from '../host/host-links';
import { reviewStrings } from '../strings/reviews';

/** A review meeting's join link: opened by Teams (into the meeting) when Teams hosts the page. */
export function JoinLink({ href, label }: { href: string; label?: string }) {
  const onClick = useOpenInHost(href);
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" aria-label={label} onClick={onClick}>
      {reviewStrings.join}
    </Link>
  );
}
