// @vitest-environment jsdom
/**
 * The renderer shell in jsdom against a window.aegis built by the real builder over a stand-in transport
 * (the E2E covers the real core). Korean by default, status bar from conn:state, language toggle.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/App';
import { useLocale } from '../../../src/renderer/i18n';
import { useConnection } from '../../../src/renderer/stores/connection';
import { buildAegisApi } from '../../../src/shared/ipc/api';

function bridge(environment: 'demo' | 'paper' | 'real') {
  const listeners = new Set<(p: unknown) => void>();
  const answers: Record<string, unknown> = {
    'app:info': { ok: true, value: { version: '0.1.0', environment, dataDir: '/data' } },
    'app:connection': { ok: true, value: { environment, connection: 'connecting', lastSyncAt: null, rateHeadroom: null } },
  };
  const api = buildAegisApi({
    invoke: async (channel) => answers[channel] ?? { ok: false, code: 'UNAVAILABLE', message: 'x' },
    subscribe: (_event, l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  });
  const push = (payload: unknown) => act(() => listeners.forEach((l) => l(payload)));
  return { api, push, listeners };
}

beforeEach(() => {
  useLocale.setState({ locale: 'ko' });
  useConnection.setState({ conn: null, info: null, error: null });
});
afterEach(cleanup);

describe('renderer shell', () => {
  it('renders Korean by default with every panel place and an honest empty state', async () => {
    const { api } = bridge('demo');
    render(<App api={api} />);
    expect(await screen.findByText('연결: 연결 중')).toBeTruthy();
    expect(screen.getByTestId('env-badge').textContent).toBe('데모');
    for (const title of ['관심종목', '현재가/호가', '차트', '주문', '잔고', '미체결', '체결']) expect(screen.getByText(title)).toBeTruthy();
    expect(screen.getAllByText('연결 대기 중').length).toBeGreaterThanOrEqual(7);
    expect(document.documentElement.lang).toBe('ko');
  });

  it('follows conn:state events; a later event wins over the seeding answer', async () => {
    const { api, push } = bridge('paper');
    render(<App api={api} />);
    await screen.findByText('연결: 연결 중');
    push({ environment: 'paper', connection: 'reconnecting', lastSyncAt: Date.UTC(2026, 0, 5, 0, 0, 1), rateHeadroom: 0.05, message: 'WebSocket 재연결 3회째' });
    expect(screen.getByTestId('conn-state').textContent).toBe('연결: 재연결 중');
    expect(screen.getByTestId('last-sync').textContent).toBe('마지막 동기화: 09:00:01 KST');
    expect(screen.getByTestId('rate-headroom').textContent).toBe('요청 여유: 5%');
    expect(screen.getByText('WebSocket 재연결 3회째')).toBeTruthy();
    expect(screen.getByTestId('env-badge').className).toContain('env-paper');
    expect(screen.getByTestId('account-note').textContent).toBe('연결 대기 중');
    push({ environment: 'paper', connection: 'connected', lastSyncAt: null, rateHeadroom: 1 });
    expect(screen.getByTestId('account-note').textContent).toBe('아직 준비되지 않은 화면입니다');
  });

  it('marks real unmistakably and paper distinctly', async () => {
    const { api } = bridge('real');
    const { container } = render(<App api={api} />);
    await screen.findByText('실전');
    expect(screen.getByTestId('env-badge').className).toContain('env-real');
    expect(container.querySelector('.app')?.className).toContain('env-frame-real');
  });

  it('switches to English and back', async () => {
    const { api } = bridge('demo');
    render(<App api={api} />);
    await screen.findByText('연결: 연결 중');
    fireEvent.click(screen.getByTestId('lang-toggle'));
    expect(screen.getByTestId('conn-state').textContent).toBe('Connection: Connecting');
    expect(screen.getByText('Watchlist')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByTestId('lang-toggle'));
    expect(screen.getByText('관심종목')).toBeTruthy();
  });

  it('unsubscribes from conn:state on unmount', async () => {
    const { api, listeners } = bridge('demo');
    const { unmount } = render(<App api={api} />);
    await screen.findByText('연결: 연결 중');
    expect(listeners.size).toBe(1);
    unmount();
    expect(listeners.size).toBe(0);
  });

  it('says so when there is no bridge instead of pretending', () => {
    render(<App api={null} />);
    expect(screen.getByRole('alert').textContent).toContain('window.aegis');
  });
});
