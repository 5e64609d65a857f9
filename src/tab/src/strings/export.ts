/**
 * Downloading the charter and its history. Functions take the variable parts; dates and times are formatted with Intl
 * elsewhere (format.ts), never here.
 */
export const exportStrings = {
  title: 'Export',
  body: 'Download the charter and its whole history.',
  markdown: 'Download Markdown',
  json: 'Download JSON',
} as const;
