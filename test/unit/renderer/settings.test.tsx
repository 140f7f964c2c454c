// @vitest-environment jsdom
/**
 * Settings: credentials go to main and are cleared from the screen after saving (never readable back), arming
 * real trading needs the exact phrase, risk limits are parsed before they are sent, the hotkey editor records
 * keys and refuses conflicts.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/App';
import { normalizeAccount, symbolListField } from '../../../src/renderer/settings/forms';
import { ARM_PHRASE } from '../../../src/shared/ipc/domains/session';
import { demoBridge, resetStores, type FakeBridge } from './fake-bridge';

beforeEach(resetStores);
afterEach(cleanup);

const envStatus = (environment: 'demo' | 'paper' | 'real', over: Record<string, unknown> = {}) => ({
  environment, armed: environment !== 'real', credentials: { paper: { present: false, accountMasked: null }, real: { present: false, accountMasked: null } }, problem: null, ...over,
});

async function openSettings(b: FakeBridge, tab?: 'env' | 'risk' | 'hotkeys' | 'general') {
  render(<App api={b.api} />);
  await screen.findByText('연결: 연결됨');
  fireEvent.click(screen.getByTestId('open-settings'));
  await screen.findByTestId('settings-dialog');
  if (tab) fireEvent.click(screen.getByTestId(`settings-tab-${tab}`));
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('settings', () => {
  it('saves credentials to main and clears every field; only "saved" and a masked account come back', async () => {
    const b = demoBridge();
    b.answer('credentials:set', envStatus('demo', { credentials: { paper: { present: true, accountMasked: '5012****-01' }, real: { present: false, accountMasked: null } } }));
    await openSettings(b);
    fireEvent.change(input('cred-appkey-paper'), { target: { value: 'PSabcdefghijklmnop1234' } });
    fireEvent.change(input('cred-appsecret-paper'), { target: { value: 's'.repeat(40) } });
    fireEvent.change(input('cred-account-paper'), { target: { value: '5012345601' } });
    fireEvent.change(input('cred-htsid-paper'), { target: { value: 'demo01' } });
    expect(input('cred-appsecret-paper').type).toBe('password');
    fireEvent.click(screen.getByTestId('cred-save-paper'));
    await waitFor(() => expect(b.callsTo('credentials:set')).toHaveLength(1));
    expect(b.callsTo('credentials:set')[0]).toEqual({ environment: 'paper', appkey: 'PSabcdefghijklmnop1234', appsecret: 's'.repeat(40), account: '50123456-01', htsId: 'demo01' });
    await waitFor(() => expect(screen.getByTestId('cred-status-paper').textContent).toBe('저장됨 5012****-01'));
    for (const f of ['appkey', 'appsecret', 'account', 'htsid']) expect(input(`cred-${f}-paper`).value).toBe('');
    expect(document.body.textContent).not.toContain('s'.repeat(40));
    expect(document.body.textContent).not.toContain('PSabcdefghijklmnop1234');
  });

  it('a refused save still clears the secrets from the screen and shows why', async () => {
    const b = demoBridge();
    b.fail('credentials:set', 'BAD_INPUT', '앱키 형식이 올바르지 않습니다.');
    await openSettings(b);
    fireEvent.change(input('cred-appkey-real'), { target: { value: 'short-key-xxxxxx' } });
    fireEvent.change(input('cred-appsecret-real'), { target: { value: 'y'.repeat(40) } });
    fireEvent.change(input('cred-account-real'), { target: { value: '12345678-01' } });
    fireEvent.change(input('cred-htsid-real'), { target: { value: 'me' } });
    fireEvent.click(screen.getByTestId('cred-save-real'));
    expect((await screen.findByText('앱키 형식이 올바르지 않습니다.')).className).toContain('bad');
    expect(input('cred-appkey-real').value).toBe('');
    expect(input('cred-appsecret-real').value).toBe('');
  });

  it('refuses a malformed account before anything is sent', async () => {
    const b = demoBridge();
    await openSettings(b);
    fireEvent.change(input('cred-appkey-paper'), { target: { value: 'k'.repeat(20) } });
    fireEvent.change(input('cred-appsecret-paper'), { target: { value: 's'.repeat(40) } });
    fireEvent.change(input('cred-account-paper'), { target: { value: '1234' } });
    fireEvent.change(input('cred-htsid-paper'), { target: { value: 'me' } });
    fireEvent.click(screen.getByTestId('cred-save-paper'));
    expect(await screen.findByText('계좌번호는 12345678-01 형식(10자리)입니다.')).toBeTruthy();
    expect(b.callsTo('credentials:set')).toHaveLength(0);
    expect(normalizeAccount('50123456-01')).toBe('50123456-01');
    expect(normalizeAccount('501234560')).toBeNull();
  });

  it('arming real trading needs the exact phrase', async () => {
    const b = demoBridge('real');
    b.answer('env:status', envStatus('real'));
    b.answer('trading:arm', envStatus('real', { armed: true }));
    await openSettings(b);
    const arm = screen.getByTestId('arm-button') as HTMLButtonElement;
    fireEvent.change(input('arm-phrase'), { target: { value: '실전 주문' } });
    expect(arm.disabled).toBe(true);
    fireEvent.change(input('arm-phrase'), { target: { value: ARM_PHRASE } });
    expect(arm.disabled).toBe(false);
    fireEvent.click(arm);
    await waitFor(() => expect(b.callsTo('trading:arm')).toEqual([{ confirm: ARM_PHRASE }]));
    expect(await screen.findByTestId('armed-state')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('armed-state').textContent).toBe('실전 주문 활성'));
  });

  it('risk limits: a bad field is named and nothing is sent; a good form sends one patch', async () => {
    const b = demoBridge();
    await openSettings(b, 'risk');
    fireEvent.change(input('risk-blacklist'), { target: { value: '015760, 12' } });
    fireEvent.click(screen.getByTestId('risk-save'));
    expect((await screen.findByTestId('save-note')).textContent).toContain('매수 금지 종목');
    expect(b.callsTo('settings:set')).toHaveLength(0);
    fireEvent.change(input('risk-blacklist'), { target: { value: '015760 005930,015760' } });
    fireEvent.change(input('risk-maxOrderValue'), { target: { value: '20,000,000' } });
    fireEvent.click(screen.getByTestId('risk-save'));
    await waitFor(() => expect(b.callsTo('settings:set')).toHaveLength(1));
    expect(b.callsTo('settings:set')[0]).toMatchObject({ patch: { risk: { maxOrderValue: 20_000_000, blacklist: ['015760', '005930'] }, confirm: { aboveValue: 10_000_000, alwaysInReal: true } } });
    expect(symbolListField('x', 'Q500001')).toEqual({ ok: true, value: ['Q500001'] });
  });

  it('the hotkey editor records a key press, shows a conflict and will not save it', async () => {
    const b = demoBridge();
    await openSettings(b, 'hotkeys');
    fireEvent.click(screen.getByTestId('hotkey-sellAtBest'));
    expect(screen.getByTestId('hotkey-sellAtBest').textContent).toBe('키를 누르세요…');
    fireEvent.keyDown(screen.getByTestId('hotkey-sellAtBest'), { key: 'F1', code: 'F1' });
    expect(screen.getByTestId('hotkey-sellAtBest').textContent).toBe('F1');
    expect(screen.getByTestId('hotkey-conflict').textContent).toContain('F1');
    expect((screen.getByTestId('hotkeys-save') as HTMLButtonElement).disabled).toBe(true);
    // Recording takes even the kill-switch key as input, and engages nothing.
    fireEvent.click(screen.getByTestId('hotkey-sellAtBest'));
    fireEvent.keyDown(screen.getByTestId('hotkey-sellAtBest'), { key: 'F', code: 'KeyF', ctrlKey: true, altKey: true });
    expect(screen.queryByTestId('hotkey-conflict')).toBeNull();
    fireEvent.click(screen.getByTestId('hotkeys-save'));
    await waitFor(() => expect(b.callsTo('settings:set')).toHaveLength(1));
    expect((b.callsTo('settings:set')[0]!['patch'] as { hotkeys: Record<string, string> }).hotkeys.sellAtBest).toBe('Ctrl+Alt+F');
    expect(b.callsTo('risk:killSwitch')).toHaveLength(0);
  });

  it('Escape closes the dialog', async () => {
    const b = demoBridge();
    await openSettings(b);
    fireEvent.keyDown(window, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('settings-dialog')).toBeNull());
  });
});
