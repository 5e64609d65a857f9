/**
 * @jest-environment jsdom
 */
import { render, screen } from '@testing-library/react';
import { type ComponentType, Suspense } from 'react';

import { lazyAfterPaint, preloadAfterPaint } from '../../../src/tab/src/app/after-paint';

function Greeting({ name }: { name: string }) {
  return <p>Hello, {name}</p>;
}

/** Renders `Lazy` greeting `name` behind a Suspense fallback that says "waiting". */
function renderBehindSuspense(Lazy: ComponentType<{ name: string }>, name: string): void {
  render(
    <Suspense fallback={<p>waiting</p>}>
      <Lazy name={name} />
    </Suspense>,
  );
}

describe('components that follow the first paint', () => {
  it('are fetched by preloadAfterPaint, then render in the same pass without showing the fallback', async () => {
    let loads = 0;
    const Lazy = lazyAfterPaint(() => {
      loads += 1;
      return Promise.resolve(Greeting);
    });
    await preloadAfterPaint();
    expect(loads).toBe(1);
    renderBehindSuspense(Lazy, 'Adele');
    // synchronously, no act() flush: React.lazy took the already-loaded module without suspending
    expect(screen.getByText('Hello, Adele')).toBeTruthy();
    expect(screen.queryByText('waiting')).toBeNull();
    expect(loads).toBe(1);
  });

  it('still load on demand when rendered before any preload, behind their Suspense fallback', async () => {
    let release: (component: typeof Greeting) => void = () => undefined;
    const Lazy = lazyAfterPaint(() => new Promise<typeof Greeting>((resolve) => (release = resolve)));
    renderBehindSuspense(Lazy, 'Diego');
    expect(screen.getByText('waiting')).toBeTruthy();
    release(Greeting);
    expect(await screen.findByText('Hello, Diego')).toBeTruthy();
  });

  it('fetch a chunk that failed to arrive again the next time it is asked for', async () => {
    let attempts = 0;
    const Lazy = lazyAfterPaint(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('network')) : Promise.resolve(Greeting);
    });
    await preloadAfterPaint(); // the first attempt fails: preloadAfterPaint settles anyway
    expect(attempts).toBe(1);
    await preloadAfterPaint();
    expect(attempts).toBe(2);
    renderBehindSuspense(Lazy, 'Megan');
    expect(screen.getByText('Hello, Megan')).toBeTruthy();
  });
});
