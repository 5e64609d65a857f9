/**
 * Fluent's Button as a chunk of its own. The first paint (the charter as read, or the empty and error states) is plain
 * markup over Fluent's tokens (tab.css); the button, its styles and its focus management follow a moment later, so
 * the first bundle holds no Fluent component but the provider.
 */
import type { ButtonProps } from '@fluentui/react-components';
import { Suspense } from 'react';

import { lazyAfterPaint } from './after-paint';

const Button = lazyAfterPaint(() => import('./button').then((m) => m.Button));

export function LazyButton(props: ButtonProps) {
  return (
    <Suspense fallback={null}>
      <Button {...props} />
    </Suspense>
  );
}
