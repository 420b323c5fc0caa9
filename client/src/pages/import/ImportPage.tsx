import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../hooks/useViewer.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { failureText as serverFailureText } from '../../i18n/server-errors.ts';
import { CsvRequestError, sendImport, type DuplicatePolicy, type ImportKind, type ImportReport } from '../../lib/csv-api.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ImportMapping } from './ImportMapping.tsx';
import { ImportRows } from './ImportRows.tsx';
import { rowErrorText } from './import-text.ts';
import { useImportPreview } from './useImportPreview.ts';

const KINDS: ImportKind[] = ['ACCOUNTS', 'CONTACTS', 'OPPORTUNITIES'];
const POLICIES: DuplicatePolicy[] = ['SKIP', 'MERGE', 'CREATE'];
/** A report of 10,000 rows is read by filtering, not scrolling: this many rows are shown at once. */
const SHOWN_ROWS = 500;

/**
 * CSV import: choose what the rows are and the file, check how its columns are read and what the
 * first rows would become, then import and read the report row by row.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { token } = useSession();
  const { viewer } = useViewer();
  const teams = viewer?.teams ?? [];
  const [kind, setKind] = useState<ImportKind>('ACCOUNTS');
  const [file, setFile] = useState<File | null>(null);
  const [policy, setPolicy] = useState<DuplicatePolicy>('SKIP');
  const [chosenTeam, setChosenTeam] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Array<string | null> | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  // Users of several teams say where new records go; one team is the rule's own default.
  const teamId = teams.length > 1 ? (chosenTeam ?? teams[0].id) : null;
  const { preview, error: previewError, loading } = useImportPreview(token, { kind, file, mapping, duplicatePolicy: policy, teamId }, report !== null);

  const missing = preview ? preview.fields.filter((field) => field.required && !preview.columns.some((column) => column.field?.key === field.key)) : [];
  const canRun = preview !== null && !loading && !running && preview.mappingErrors.length === 0 && preview.rowCount > 0;

  function chooseFile(next: File | null) {
    setFile(next);
    setMapping(null);
  }

  function chooseKind(next: ImportKind) {
    setKind(next);
    setMapping(null);
  }

  function mapColumn(index: number, key: string | null) {
    if (!preview) return;
    const next = preview.columns.map((column) => column.field?.key ?? null);
    next[index] = key;
    setMapping(next);
  }

  async function run() {
    if (!token || !file) return;
    setRunning(true);
    setRunError(null);
    try {
      setReport(await sendImport(token, { kind, file, mapping, duplicatePolicy: policy, teamId, preview: false }));
    } catch (error) {
      setRunError(error);
    } finally {
      setRunning(false);
    }
  }

  function startOver() {
    setReport(null);
    setFile(null);
    setMapping(null);
    setOnlyErrors(false);
  }

  function failureText(error: unknown): string {
    if (!(error instanceof CsvRequestError)) return t('errors.unexpected');
    if (error.network) return t('errors.network');
    if (error.fieldErrors.length) return rowErrorText(t, error.fieldErrors[0]);
    return serverFailureText(t, { code: error.code, message: error.message }, undefined, t('csv.import.failed'));
  }

  const shownRows = report ? report.rows.filter((row) => !onlyErrors || row.outcome === 'FAILED') : [];

  return (
    <section aria-labelledby="import-title" className="import-page">
      <div className="page-header">
        <h1 id="import-title">{t('csv.import.title')}</h1>
      </div>
      <p className="muted">{t('csv.import.intro')}</p>

      {!report && (
        <div className="form-grid import-setup">
          <fieldset className="field">
            <legend className="field__label">{t('csv.import.kind.label')}</legend>
            {KINDS.map((option) => (
              <label key={option} className="import-setup__choice">
                <input type="radio" name="import-kind" value={option} checked={kind === option} onChange={() => chooseKind(option)} />{' '}
                {t(`csv.import.kind.${option}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="import-file" className="field__label">
              {t('csv.import.file')}
            </label>
            <input
              id="import-file"
              className="input"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              aria-describedby="import-file-hint"
              onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
            />
            <p className="field__hint" id="import-file-hint">
              {t('csv.import.fileHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="import-policy" className="field__label">
              {t('csv.import.policy.label')}
            </label>
            <select id="import-policy" className="input" value={policy} onChange={(event) => setPolicy(event.target.value as DuplicatePolicy)}>
              {POLICIES.map((option) => (
                <option key={option} value={option}>
                  {t(`csv.import.policy.${option}`)}
                </option>
              ))}
            </select>
          </div>
          {teams.length > 1 && (
            <div className="field">
              <label htmlFor="import-team" className="field__label">
                {t('csv.import.team')}
              </label>
              <select id="import-team" className="input" value={teamId ?? ''} onChange={(event) => setChosenTeam(event.target.value)} aria-describedby="import-team-hint">
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
              <p className="field__hint" id="import-team-hint">
                {t('csv.import.teamHint')}
              </p>
            </div>
          )}
        </div>
      )}

      {!report && loading && <Loading what={t('csv.import.reading')} />}
      {!report && previewError !== null && (
        <div className="banner banner--error" role="alert">
          {failureText(previewError)}
        </div>
      )}

      {!report && preview && (
        <>
          <ImportMapping report={preview} locale={locale} disabled={loading || running} onChange={mapColumn} />
          {missing.length > 0 && (
            <div className="banner banner--warning" role="alert" data-testid="mapping-missing">
              {t('csv.mappingRequired')} ({missing.map((field) => field.label[locale]).join(', ')})
            </div>
          )}
          {preview.rows.length > 0 && (
            <section aria-labelledby="import-preview-title">
              <h2 id="import-preview-title">{t('csv.import.preview.title')}</h2>
              <p className="muted">{t('csv.import.preview.summary', { count: preview.rowCount })}</p>
              <ImportRows report={preview} rows={preview.rows} locale={locale} preview labelledBy="import-preview-title" />
            </section>
          )}
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={!canRun} onClick={run}>
              {t('csv.import.run', { count: preview.rowCount })}
            </button>
            {running && <span className="muted" role="status">{t('csv.import.running')}</span>}
          </div>
          {runError !== null && (
            <div className="banner banner--error" role="alert">
              {failureText(runError)}
            </div>
          )}
        </>
      )}

      {report && (
        <section aria-labelledby="import-report-title">
          <h2 id="import-report-title">{t('csv.import.report.title')}</h2>
          <p className="banner banner--info" role="status" data-testid="import-counts">
            {t('csv.import.report.counts', report.counts)}
          </p>
          <div className="toolbar">
            <label>
              <input type="checkbox" checked={onlyErrors} onChange={(event) => setOnlyErrors(event.target.checked)} /> {t('csv.import.report.onlyErrors')}
            </label>
            <button type="button" className="button button--secondary" onClick={startOver}>
              {t('csv.import.startOver')}
            </button>
          </div>
          {shownRows.length === 0 ? (
            <p className="empty">{t('csv.import.report.none')}</p>
          ) : (
            <ImportRows report={report} rows={shownRows.slice(0, SHOWN_ROWS)} locale={locale} preview={false} labelledBy="import-report-title" />
          )}
          {shownRows.length > SHOWN_ROWS && (
            <p className="muted">{t('csv.import.report.showing', { shown: SHOWN_ROWS, count: shownRows.length })}</p>
          )}
        </section>
      )}
    </section>
  );
}
