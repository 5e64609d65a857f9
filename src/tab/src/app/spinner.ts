/** Fluent's Spinner, loaded on demand (see loading.tsx). */
export { Spinner } from '@fluentui/react-components';
