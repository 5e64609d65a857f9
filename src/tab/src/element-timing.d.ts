/**
 * The Element Timing API's attribute (https://w3c.github.io/element-timing/): the charter's purpose carries it, so the
 * browser reports when it was painted (bench/tab-load.ts reads it; real-user monitoring could too).
 */
import 'react';

declare module 'react' {
  interface HTMLAttributes<T> extends DOMAttributes<T> {
    elementtiming?: string;
  }
}
