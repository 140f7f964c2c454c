// @vitest-environment jsdom
/**
 * The whole screen in jsdom against a window.aegis built by the real builder over a stand-in transport (the
 * E2E covers the real core): Korean by default, every panel, the status bar from conn:state, environment
 * badges, the language toggle (saved to settings), honest empty/unavailable states, clean unmount.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/App';
import { demoBridge, fakeBridge, resetStores } from './fake-bridge';

beforeEach(resetStores);
afterEach(cleanup);

const PANELS_KO = ['관심종목', '현재가/호가', '차트', '주문', '잔고', '미체결', '체결', '손익 추이', '알림'];

describe('renderer shell', () => {
  it('renders Korean by default with every panel and the account from the mirror', async () => {
    const b = demoBridge();
    render(<App api={b.api} />);
    expect(await screen.findByText('연결: 연결됨')).toBeTruthy();
    expect(screen.getByTestId('env-badge').textContent).toBe('데모');
    expect([...document.querySelectorAll('.panel-title')].map((e) => e.textContent)).toEqual(PANELS_KO);
    await waitFor(() => expect(screen.getByTestId('acct-total').textContent).toBe('130,000,000원'));
    // 손익 추이 values today live: its header shows the same total as the summary strip.
    expect(screen.getByTestId('equity-chart').querySelector('.equity-head')!.textContent).toContain('130,000,000원');
    expect(screen.getByTestId('acct-pnl').className).toContain('up');
    expect(screen.getByTestId('acct-realized').className).toContain('down');
    expect(screen.getByTestId('acct-pnl-rate').textContent).toBe('+3.45%');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('follows conn:state events; a later event wins over the seeding answer', async () => {
    const b = demoBridge('paper');
    render(<App api={b.api} />);
    await screen.findByText('연결: 연결됨');
    b.push('conn:state', { environment: 'paper', connection: 'reconnecting', lastSyncAt: Date.UTC(2026, 0, 5, 0, 0, 1), rateHeadroom: 0.05, message: 'WebSocket 재연결 3회째' });
    expect(screen.getByTestId('conn-state').textContent).toBe('연결: 재연결 중');
    expect(screen.getByTestId('last-sync').textContent).toBe('마지막 동기화: 09:00:01 KST');
    expect(screen.getByTestId('rate-headroom').textContent).toBe('요청 여유: 5%');
    expect(screen.getByTestId('rate-headroom').className).toContain('low');
    expect(screen.getByText('WebSocket 재연결 3회째')).toBeTruthy();
    expect(screen.getByTestId('env-badge').className).toContain('env-paper');
  });

  it('marks real unmistakably: red badge, window frame, and whether orders are armed', async () => {
    const b = demoBridge('real');
    const { container } = render(<App api={b.api} />);
    await screen.findByText('실전');
    expect(screen.getByTestId('env-badge').className).toContain('env-real');
    expect(container.querySelector('.app')?.className).toContain('env-frame-real');
    expect((await screen.findByTestId('armed-state')).textContent).toBe('실전 주문 잠김');
  });

  it('switches to English and back, and saves the choice', async () => {
    const b = demoBridge();
    render(<App api={b.api} />);
    await screen.findByText('연결: 연결됨');
    fireEvent.click(screen.getByTestId('lang-toggle'));
    expect(screen.getByTestId('conn-state').textContent).toBe('Connection: Connected');
    expect(screen.getByText('Watchlist')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(b.callsTo('settings:set').at(-1)).toEqual({ patch: { language: 'en' } });
    fireEvent.click(screen.getByTestId('lang-toggle'));
    expect(screen.getByText('관심종목')).toBeTruthy();
  });

  it('a settings:changed from main sets the language', async () => {
    const b = demoBridge();
    render(<App api={b.api} />);
    await screen.findByText('연결: 연결됨');
    const { defaultSettings } = await import('../../../src/shared/settings/schema');
    b.push('settings:changed', { ...defaultSettings(), language: 'en' });
    expect(screen.getByTestId('env-badge').textContent).toBe('Demo');
  });

  it('says why a panel is empty: the domain failure, not an endless "loading"', async () => {
    const b = fakeBridge({
      'app:info': { version: '0.1.0', environment: 'demo', dataDir: '/d' },
      'app:connection': { environment: 'demo', connection: 'connected', lastSyncAt: null, rateHeadroom: null },
    });
    render(<App api={b.api} />);
    await screen.findByText('연결: 연결됨');
    expect((await screen.findAllByTestId('unavailable')).length).toBeGreaterThanOrEqual(5);
    expect(screen.getAllByText('표시할 수 없습니다').length).toBeGreaterThanOrEqual(5);
    expect(screen.getAllByText('watchlist:get 없음').length).toBeGreaterThanOrEqual(1);
    expect(screen.getAllByText('orders:open 없음')).toHaveLength(1);
  });

  it('unsubscribes from every event on unmount', async () => {
    const b = demoBridge();
    const { unmount } = render(<App api={b.api} />);
    await screen.findByText('연결: 연결됨');
    expect(b.listenerCount()).toBeGreaterThan(10);
    unmount();
    expect(b.listenerCount()).toBe(0);
  });

  it('says so when there is no bridge instead of pretending', () => {
    render(<App api={null} />);
    expect(screen.getByRole('alert').textContent).toContain('window.aegis');
  });
});
