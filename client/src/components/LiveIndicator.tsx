import { useTranslation } from 'react-i18next';
import { useLiveConnection } from '../hooks/useLiveConnection.ts';

/**
 * Whether live updates arrive: the WebSocket is acknowledged and answers pings. While it is
 * reconnecting, what the pages show may be behind; they catch up once it is back.
 */
export function LiveIndicator() {
  const { t } = useTranslation();
  const { status } = useLiveConnection();
  return (
    <span
      className={`live-indicator live-indicator--${status === 'connected' ? 'on' : 'off'}`}
      role="status"
      title={status === 'reconnecting' ? t('layout.live.reconnectingHint') : t('layout.live.hint')}
      data-testid="live-indicator"
      data-status={status}
    >
      {t(`layout.live.${status}`)}
    </span>
  );
}
