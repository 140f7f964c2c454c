/**
 * A titled place for one panel, with optional controls in the title row (tabs, buttons). `EmptyState` is the
 * honest placeholder every panel shows instead of made-up data: waiting for the connection, or why not.
 */
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';
import { useConnection } from '../stores/connection';

export function Panel({ id, titleKey, actions, children }: { id: string; titleKey: MessageKey; actions?: ReactNode; children?: ReactNode }) {
  const t = useT();
  return (
    <section className={`panel panel-${id}`} data-panel={id} aria-label={t(titleKey)}>
      <header className="panel-head">
        <span className="panel-title">{t(titleKey)}</span>
        {actions && <span className="panel-actions">{actions}</span>}
      </header>
      <div className="panel-body">{children ?? <EmptyState />}</div>
    </section>
  );
}

/** Nothing to show: says why. `reason` overrides the connection-based message (e.g. "no positions"). */
export function EmptyState({ title, hint }: { title?: string; hint?: string }) {
  const t = useT();
  const connected = useConnection((s) => s.conn?.connection === 'connected');
  return (
    <div className="empty-state">
      <p className="empty-title">{title ?? (connected ? t('empty.loading') : t('empty.waiting'))}</p>
      {(hint ?? (!title && !connected)) && <p className="empty-hint">{hint ?? t('empty.waiting.hint')}</p>}
    </div>
  );
}
