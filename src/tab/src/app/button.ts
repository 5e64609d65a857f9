/** Fluent's Button, loaded on demand (see lazy-button.tsx). */
export { Button } from '@fluentui/react-components';
