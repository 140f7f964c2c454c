/** Short-lived messages over the screen (order answers, "press again to cancel all", kill switch). */
import { useBi } from '../i18n';
import { dismissToast, useNotifications } from '../stores/notifications';

export function Toasts() {
  const bi = useBi();
  const toasts = useNotifications((s) => s.toasts);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-live="assertive" data-testid="toasts">
      {toasts.map((x) => (
        <div key={x.id} className={`toast toast-${x.tone}`} role="status" onClick={() => dismissToast(x.id)}>
          {bi(x.text)}
        </div>
      ))}
    </div>
  );
}
