/**
 * A titled place for one panel, with optional controls in the title row (tabs, buttons). `EmptyState` is the
 * honest placeholder every panel shows instead of made-up data: waiting for the connection, or why not.
 */
import type { ReactNode } from 'react';
import { useBi, useT, type MessageKey } from '../i18n';
import { useAvailability, type Domain } from '../stores/availability';
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

/**
 * Nothing to show: says why — the domain's failure if its snapshot failed, else the title given (e.g. "no
 * positions"), else waiting for the connection or loading.
 */
export function EmptyState({ title, hint, domain }: { title?: string; hint?: string; domain?: Domain }) {
  const t = useT();
  const bi = useBi();
  const connected = useConnection((s) => s.conn?.connection === 'connected');
  const problem = useAvailability((s) => (domain ? s.problems[domain] : undefined));
  if (problem) {
    return (
      <div className="empty-state" data-testid="unavailable">
        <p className="empty-title">{t('empty.unavailable')}</p>
        <p className="empty-hint">{bi(problem)}</p>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <p className="empty-title">{title ?? (connected ? t('empty.loading') : t('empty.waiting'))}</p>
      {(hint ?? (!title && !connected)) && <p className="empty-hint">{hint ?? t('empty.waiting.hint')}</p>}
    </div>
  );
}
