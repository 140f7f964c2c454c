/**
 * Sending the ticket. One submission = one fresh idempotencyKey; while it is in flight further submits are
 * ignored (a held or repeated Enter never sends twice, and main refuses a replayed key anyway). When main's
 * preview of this exact ticket says so — or the trader's confirmation rules do — a dialog asks first.
 */
import type { OrderPreview, OrderTicket } from '../../shared/ipc/domains/orders';
import { api } from '../api/current';
import { newIdempotencyKey } from '../api/ids';
import { toast } from '../stores/notifications';
import { settingsNow, useSettings } from '../stores/settings';
import { buildTicket, draftKey } from './build';
import { buildContext } from './context';
import { pendingPreview, requestPreview } from './preview';
import { useTicket } from './store';

/** The trader's own rules, applied even if a preview is missing a reason to ask (main applies them too). */
export function rulesWantConfirmation(amount: number): boolean {
  const { confirm } = settingsNow();
  const env = useSettings.getState().env?.environment;
  if (env === 'real' && confirm.alwaysInReal) return true;
  return confirm.aboveValue === 0 || amount > confirm.aboveValue;
}

export async function submitTicket(): Promise<void> {
  const s = useTicket.getState();
  if (s.submitting || s.confirm) return;
  const built = buildTicket(s, buildContext());
  if (!built.ok) {
    useTicket.setState({ outcome: { tone: 'bad', text: built.reason } });
    return;
  }
  const client = api();
  if (!client) return;
  // The key is made now: a confirmation, however long it takes, sends this submission's key.
  const ticket: OrderTicket = { ...built.draft, idempotencyKey: newIdempotencyKey('tk') };
  useTicket.setState({ submitting: true, outcome: null });
  const key = draftKey(built.draft);
  let preview: OrderPreview | null = s.previewKey === key ? s.preview : null;
  if (!preview) preview = (await (pendingPreview(key) ?? requestPreview(built.draft))) ?? null;
  if (!preview) {
    const problem = useTicket.getState().previewProblem;
    useTicket.setState({
      submitting: false,
      outcome: { tone: 'bad', text: problem?.text ?? { ko: '주문 미리보기를 받지 못했습니다.', en: 'No order preview came back.' } },
    });
    return;
  }
  if (preview.needsConfirmation || rulesWantConfirmation(preview.amount)) {
    useTicket.setState({ submitting: false, confirm: { ticket, preview } });
    return;
  }
  await send(ticket);
}

/** The trader confirmed the dialog: send exactly the ticket it showed. */
export async function confirmSubmit(): Promise<void> {
  const c = useTicket.getState().confirm;
  if (!c || useTicket.getState().submitting) return;
  useTicket.setState({ confirm: null });
  await send({ ...c.ticket, confirmed: true });
}

export function cancelConfirm(): void {
  useTicket.setState({ confirm: null, outcome: { tone: 'bad', text: { ko: '주문을 보내지 않았습니다.', en: 'Order not sent.' } } });
}

async function send(ticket: OrderTicket): Promise<void> {
  const client = api();
  if (!client) return;
  useTicket.setState({ submitting: true });
  const r = await client.call('orders:submit', ticket);
  if (r.ok) {
    const tone = r.value.state === 'rejected' || r.value.state === 'failed' ? 'bad' : 'good';
    useTicket.setState({ submitting: false, outcome: { tone, text: r.value.message } });
    // The ticket's outcome line says it already; only a refusal also gets a toast (it must not be missed).
    if (tone === 'bad') toast(tone, r.value.message);
  } else {
    const text = { ko: r.message, en: r.messageEn ?? r.message };
    useTicket.setState({ submitting: false, outcome: { tone: 'bad', text } });
    toast('bad', text);
  }
}
