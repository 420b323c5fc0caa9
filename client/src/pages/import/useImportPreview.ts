import { useEffect, useState } from 'react';
import { sendImport, type ImportOptions, type ImportReport } from '../../lib/csv-api.ts';

/**
 * The server's preview of the chosen file with the current choices, asked again whenever one of
 * them changes; an answer to an older question is dropped.
 */
export function useImportPreview(token: string | null, options: Omit<ImportOptions, 'file' | 'preview'> & { file: File | null }, paused: boolean) {
  const [state, setState] = useState<{ preview: ImportReport | null; error: unknown; loading: boolean }>({ preview: null, error: null, loading: false });
  const { kind, file, mapping, duplicatePolicy, teamId } = options;
  useEffect(() => {
    if (!token || !file || paused) return;
    let current = true;
    setState((previous) => ({ ...previous, error: null, loading: true }));
    sendImport(token, { kind, file, mapping, duplicatePolicy, teamId, preview: true }).then(
      (preview) => current && setState({ preview, error: null, loading: false }),
      (error: unknown) => current && setState({ preview: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [token, kind, file, mapping, duplicatePolicy, teamId, paused]);
  return state;
}
