/**
 * Keeps main's preview (fees, taxes, warnings, whether to confirm) in step with the ticket. Debounced: the preview
 * asks KIS live for orderable cash, which counts against the per-appkey rate limit, so it is asked once the
 * trader pauses, not on every keystroke. A preview in flight is shared with a submission of the same ticket.
 */
import type { OrderPreview } from '../../shared/ipc/domains/orders';
import { api } from '../api/current';
import { newIdempotencyKey } from '../api/ids';
import { buildTicket, draftKey, type TicketDraft } from './build';
import { buildContext } from './context';
import { useTicket } from './store';

const DEBOUNCE_MS = 150;

let timer: ReturnType<typeof setTimeout> | null = null;
const inflight = new Map<string, Promise<OrderPreview | null>>();

/** Asks main for the preview of one draft (or joins the request already on its way). */
export function requestPreview(draft: TicketDraft): Promise<OrderPreview | null> {
  const key = draftKey(draft);
  const existing = inflight.get(key);
  if (existing) return existing;
  const client = api();
  if (!client) return Promise.resolve(null);
  const p = client
    .call('orders:preview', { ...draft, idempotencyKey: newIdempotencyKey('tk') })
    .then((r) => {
      const current = currentKey();
      if (r.ok) {
        if (current === key) useTicket.setState({ preview: r.value, previewKey: key, previewProblem: null });
        return r.value;
      }
      if (current === key) useTicket.setState({ preview: null, previewKey: null, previewProblem: { key, text: { ko: r.message, en: r.messageEn ?? r.message } } });
      return null;
    })
    .finally(() => inflight.delete(key));
  inflight.set(key, p);
  return p;
}

/** The preview for a key if one is being fetched. */
export function pendingPreview(key: string): Promise<OrderPreview | null> | undefined {
  return inflight.get(key);
}

function currentKey(): string | null {
  const built = buildTicket(useTicket.getState(), buildContext());
  return built.ok ? draftKey(built.draft) : null;
}

/** Re-previews after the trader pauses, when the ticket's draft differs from the previewed one. */
export function schedulePreview(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    const s = useTicket.getState();
    const built = buildTicket(s, buildContext());
    if (!built.ok) {
      if (s.preview || s.previewProblem) useTicket.setState({ preview: null, previewKey: null, previewProblem: null });
      return;
    }
    const key = draftKey(built.draft);
    if (s.previewKey === key || inflight.has(key)) return;
    void requestPreview(built.draft);
  }, DEBOUNCE_MS);
}

/** Re-preview whenever an input of the draft changes (not on preview/outcome changes). */
export function watchTicketForPreview(): () => void {
  return useTicket.subscribe((s, prev) => {
    if (
      s.instrument !== prev.instrument ||
      s.side !== prev.side ||
      s.route !== prev.route ||
      s.type !== prev.type ||
      s.priceText !== prev.priceText ||
      s.stopPriceText !== prev.stopPriceText ||
      s.qtyMode !== prev.qtyMode ||
      s.qtyText !== prev.qtyText
    ) {
      schedulePreview();
    }
  });
}
