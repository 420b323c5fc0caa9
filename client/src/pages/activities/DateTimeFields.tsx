import { useTranslation } from 'react-i18next';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import type { WallTime } from './zoned-time.ts';

interface Props {
  id: string;
  legend: string;
  dateLabel: string;
  timeLabel: string;
  value: WallTime;
  onChange(value: WallTime): void;
  error?: string;
  required?: boolean;
  /** The last day that may be chosen (YYYY-MM-DD), e.g. today for something that happened. */
  maxDate?: string;
}

/**
 * A day and a time of day on the organisation's clock (not the browser's), as the hint says;
 * fields.tsx has no such pair, so this follows its markup: the error sits under the pair and both
 * inputs point at it.
 */
export function DateTimeFields({ id, legend, dateLabel, timeLabel, value, onChange, error, required, maxDate }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const described = error ? `${id}-error` : `${id}-hint`;
  return (
    <fieldset className={`field date-time${error ? ' field--invalid' : ''}`}>
      <legend className="field__label">
        {legend}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </legend>
      <div className="date-time__inputs">
        <input
          id={`${id}-date`}
          className="input"
          type="date"
          aria-label={dateLabel}
          value={value.date}
          max={maxDate}
          onChange={(event) => onChange({ ...value, date: event.target.value })}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
        <input
          id={`${id}-time`}
          className="input"
          type="time"
          aria-label={timeLabel}
          value={value.time}
          onChange={(event) => onChange({ ...value, time: event.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        <p className="field__hint" id={`${id}-hint`}>
          {t('agenda.form.timeZoneHint', { zone: formats.timeZone })}
        </p>
      )}
    </fieldset>
  );
}
