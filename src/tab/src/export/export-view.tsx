import { Body1, Button, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';

import type { CharterApi } from '../api/charter-api';
import { appStrings } from '../strings/app';
import { exportStrings } from '../strings/export';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalL, maxWidth: '640px' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
});

/** Downloads the export through the API (it needs the caller's auth headers, so a plain link cannot do it). */
export function ExportView({ api, teamId }: { api: CharterApi; teamId: string }) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  async function download(format: 'md' | 'json'): Promise<void> {
    setError(null);
    try {
      const file = await api.export(teamId, format);
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : appStrings.loadFailed);
    }
  }
  return (
    <div className={styles.root}>
      <Title2 as="h1">{exportStrings.title}</Title2>
      <Body1>{exportStrings.body}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void download('md')}>
          {exportStrings.markdown}
        </Button>
        <Button onClick={() => void download('json')}>{exportStrings.json}</Button>
      </div>
      {error ? <Body1 role="alert">{error}</Body1> : null}
    </div>
  );
}
