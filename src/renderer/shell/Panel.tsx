/**
 * A titled place for one panel. Until the panel exists (src/renderer/panels/registry.ts) it shows an honest
 * empty state — waiting for the connection, or not built yet — never made-up data.
 */
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';
import { useConnection } from '../stores/connection';

export function Panel({ id, titleKey, children }: { id: string; titleKey: MessageKey; children?: ReactNode }) {
  const t = useT();
  return (
    <section className={`panel panel-${id}`} data-panel={id} aria-label={t(titleKey)}>
      <header className="panel-title">{t(titleKey)}</header>
      <div className="panel-body">{children ?? <EmptyState />}</div>
    </section>
  );
}

export function EmptyState() {
  const t = useT();
  const connected = useConnection((s) => s.conn?.connection === 'connected');
  return (
    <div className="empty-state">
      <p className="empty-title">{connected ? t('empty.notReady') : t('empty.waiting')}</p>
      <p className="empty-hint">{connected ? t('empty.notReady.hint') : t('empty.waiting.hint')}</p>
    </div>
  );
}
