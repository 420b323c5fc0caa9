import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/LocaleProvider.tsx';
import { failureText, fieldErrorText } from '../i18n/server-errors.ts';
import { CsvRequestError, downloadExport, saveFile, type ExportRequest } from '../lib/csv-api.ts';
import { useSession } from '../session/SessionProvider.tsx';

interface Props {
  list: ExportRequest['list'];
  /** Exports the records behind a key figure: `args` are then the drill-down query's. */
  drillDown?: boolean;
  /** The arguments the list's query runs with now (search, filter, orderBy), as GraphQL takes them. */
  args: ExportRequest['args'];
  /** The export's keys of the columns the list shows, in its order. */
  columns: readonly string[];
}

/**
 * Downloads what a list shows (every page of it) as a CSV file for Excel: the same search, filter,
 * order and columns, in the user's language (German: `;`, 1234,50 and 31.12.2026).
 */
export function ExportCsvButton({ list, drillDown, args, columns }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { token } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      const { blob, filename } = await downloadExport(token, { list, drillDown, args, columns, locale });
      saveFile(blob, filename);
    } catch (caught) {
      if (!(caught instanceof CsvRequestError)) setError(t('errors.unexpected'));
      else if (caught.network) setError(t('errors.network'));
      else if (caught.fieldErrors.length) setError(fieldErrorText(t, caught.fieldErrors[0]));
      else setError(failureText(t, { code: caught.code, message: caught.message }, undefined, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--secondary" onClick={download} disabled={busy} title={t('csv.export.hint')}>
        {busy ? t('csv.export.busy') : t('csv.export.button')}
      </button>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
