// @vitest-environment jsdom
/**
 * The order ticket as a component against the stand-in bridge: quantity modes, tick stepping across a band
 * boundary, the preview line from orders:preview, one fresh idempotencyKey per submission, the confirmation
 * dialog (keyboard too), and no second send while one is in flight.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/App';
import { useTicket } from '../../../src/renderer/ticket/store';
import { demoBridge, quote, resetStores, type FakeBridge } from './fake-bridge';

beforeEach(resetStores);
afterEach(cleanup);

function preview(input: Record<string, unknown>, over: Record<string, unknown> = {}) {
  const qty = Number(input['qty']);
  const price = Number(input['price'] ?? 0);
  const amount = qty * price;
  return {
    symbol: input['symbol'], name: '삼성전자', side: input['side'], route: input['route'], ordDvsn: '00', ordDvsnName: { ko: '지정가', en: 'Limit' },
    price, qty, amount, fee: Math.floor(amount * 0.000140527), tax: 0, total: amount + Math.floor(amount * 0.000140527),
    orderableCash: 10_000_000, sellableQty: null, session: { ko: 'KRX 정규장', en: 'KRX regular' }, warnings: [], needsConfirmation: false, ...over,
  };
}

function submitted(input: Record<string, unknown>) {
  return { clientOrderId: 'c1', state: 'accepted', orderNo: '0000000001', preview: preview(input), message: { ko: '주문 접수', en: 'Order accepted' } };
}

async function openTicket(b: FakeBridge) {
  b.answer('orders:preview', (i: Record<string, unknown>) => preview(i));
  b.answer('orders:submit', (i: Record<string, unknown>) => submitted(i));
  render(<App api={b.api} />);
  await screen.findByTestId('order-ticket');
  await waitFor(() => expect((screen.getByTestId('ticket-price') as HTMLInputElement).value).toBe('71,900'));
}

const qty = () => screen.getByTestId('ticket-qty') as HTMLInputElement;
const price = () => screen.getByTestId('ticket-price') as HTMLInputElement;

describe('order ticket', () => {
  it('starts on the focused symbol with its current price; quantity by amount and by % of orderable cash', async () => {
    const b = demoBridge();
    await openTicket(b);
    expect(screen.getByTestId('ticket-symbol').textContent).toBe('삼성전자');
    fireEvent.click(screen.getByTestId('qty-mode-amount'));
    fireEvent.change(qty(), { target: { value: '1,000,000' } });
    // 1,000,000 at 71,900 with commission → 13 shares.
    expect(screen.getByTestId('qty-resolved').textContent).toContain('13주');
    fireEvent.click(screen.getByTestId('qty-mode-percent'));
    fireEvent.change(qty(), { target: { value: '50' } });
    // 50 % of 10,000,000 orderable → 69 shares.
    expect(screen.getByTestId('qty-resolved').textContent).toContain('69주');
    await waitFor(() => expect(b.callsTo('orders:preview').at(-1)).toMatchObject({ qty: 69, price: 71_900, side: 'buy', route: 'KRX', type: 'limit' }));
  });

  it('steps the price by ticks across a band boundary and keeps it in the daily band', async () => {
    const b = demoBridge();
    b.answer('market:quote', (i: Record<string, unknown>) => ({ ...quote(String(i['symbol']), i['venue'] as 'KRX', 71_900), lowerLimit: 35_000 }));
    await openTicket(b);
    fireEvent.change(price(), { target: { value: '50,000' } });
    fireEvent.click(screen.getByLabelText('한 호가 내리기'));
    expect(price().value).toBe('49,950');
    fireEvent.click(screen.getByLabelText('한 호가 올리기'));
    fireEvent.click(screen.getByLabelText('한 호가 올리기'));
    expect(price().value).toBe('50,100');
    fireEvent.change(price(), { target: { value: '93,400' } });
    fireEvent.click(screen.getByLabelText('한 호가 올리기'));
    expect(price().value).toBe('93,400'); // the upper limit
    fireEvent.change(price(), { target: { value: '71,930' } });
    fireEvent.blur(price());
    expect(price().value).toBe('71,900'); // snapped to the 100-won grid
  });

  it("shows main's preview: fees, total, orderable cash and warnings", async () => {
    const b = demoBridge();
    await openTicket(b);
    b.answer('orders:preview', (i: Record<string, unknown>) => preview(i, { warnings: [{ code: 'FAR', message: { ko: '현재가와 5% 이상 차이', en: 'Far from the market' } }] }));
    fireEvent.change(qty(), { target: { value: '10' } });
    expect((await screen.findByTestId('preview-warning')).textContent).toContain('현재가와 5% 이상 차이');
    expect(screen.getByTestId('order-preview').textContent).toContain('719,101원');
    expect(screen.getByTestId('order-preview').textContent).toContain('101원 · 0원');
    expect(screen.getByTestId('order-preview').textContent).toContain('지정가');
    expect(screen.getByTestId('preview-orderable').textContent).toBe('10,000,000원');
  });

  it('a refused preview says why (e.g. the kill switch)', async () => {
    const b = demoBridge();
    await openTicket(b);
    b.fail('orders:preview', 'NOT_ALLOWED', '킬 스위치가 켜져 있습니다.');
    fireEvent.change(qty(), { target: { value: '3' } });
    await waitFor(() => expect(screen.getByTestId('preview-problem').textContent).toContain('킬 스위치'));
  });

  it('each submission carries a fresh idempotencyKey', async () => {
    const b = demoBridge();
    await openTicket(b);
    fireEvent.change(qty(), { target: { value: '10' } });
    await waitFor(() => expect(screen.getByTestId('order-preview').textContent).toContain('719,101원'));
    fireEvent.click(screen.getByTestId('submit-order'));
    await waitFor(() => expect(b.callsTo('orders:submit')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('ticket-outcome').textContent).toBe('주문 접수'));
    fireEvent.click(screen.getByTestId('submit-order'));
    await waitFor(() => expect(b.callsTo('orders:submit')).toHaveLength(2));
    const [a, c] = b.callsTo('orders:submit');
    expect(a).toMatchObject({ symbol: '005930', side: 'buy', route: 'KRX', type: 'limit', qty: 10, price: 71_900 });
    expect(a!['idempotencyKey']).toMatch(/^tk-[A-Za-z0-9]{16}$/);
    expect(a!['idempotencyKey']).not.toBe(c!['idempotencyKey']);
  });

  it('does not send again while a submission is in flight', async () => {
    const b = demoBridge();
    await openTicket(b);
    fireEvent.change(qty(), { target: { value: '10' } });
    await waitFor(() => expect(screen.getByTestId('order-preview').textContent).toContain('719,101원'));
    const gate = b.hold('orders:submit');
    fireEvent.keyDown(qty(), { key: 'Enter', code: 'Enter' });
    fireEvent.keyDown(qty(), { key: 'Enter', code: 'Enter' });
    fireEvent.click(screen.getByTestId('submit-order'));
    await waitFor(() => expect(b.callsTo('orders:submit')).toHaveLength(1));
    expect((screen.getByTestId('submit-order') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => gate.release());
    await waitFor(() => expect(useTicket.getState().submitting).toBe(false));
    expect(b.callsTo('orders:submit')).toHaveLength(1);
  });

  it('asks for confirmation when the preview says so; Escape keeps the order, Enter sends it with confirmed', async () => {
    const b = demoBridge();
    await openTicket(b);
    b.answer('orders:preview', (i: Record<string, unknown>) => preview(i, { needsConfirmation: true }));
    fireEvent.change(qty(), { target: { value: '10' } });
    await waitFor(() => expect(useTicket.getState().preview?.needsConfirmation).toBe(true));
    fireEvent.keyDown(qty(), { key: 'Enter', code: 'Enter' });
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('매수 10주');
    expect(dialog.textContent).toContain('719,101원');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('confirm-send');
    fireEvent.keyDown(window, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(b.callsTo('orders:submit')).toHaveLength(0);

    fireEvent.keyDown(qty(), { key: 'Enter', code: 'Enter' });
    await screen.findByTestId('confirm-dialog');
    // A held Enter (auto-repeat) does not confirm; a fresh press does.
    fireEvent.keyDown(window, { key: 'Enter', code: 'Enter', repeat: true });
    expect(b.callsTo('orders:submit')).toHaveLength(0);
    fireEvent.keyDown(window, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(b.callsTo('orders:submit')).toHaveLength(1));
    expect(b.callsTo('orders:submit')[0]).toMatchObject({ qty: 10, confirmed: true });
  });

  it('in real trading the confirmation rule applies even to a small order', async () => {
    const b = demoBridge('real');
    await openTicket(b);
    fireEvent.change(qty(), { target: { value: '1' } });
    await waitFor(() => expect(useTicket.getState().preview).not.toBeNull());
    fireEvent.click(screen.getByTestId('submit-order'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('실전 계좌 주문입니다');
    expect(b.callsTo('orders:submit')).toHaveLength(0);
  });

  it('a 호가 price clicked in the book goes into the ticket', async () => {
    const b = demoBridge();
    await openTicket(b);
    await screen.findByTestId('order-book');
    fireEvent.click(screen.getByTestId('book-ask-2'));
    expect(price().value).toBe('72,200');
    fireEvent.click(screen.getByTestId('book-bid-0'));
    expect(price().value).toBe('71,900');
  });
});
