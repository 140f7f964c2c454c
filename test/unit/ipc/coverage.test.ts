/**
 * Every channel in the contract must have a handler among the modules registered in src/main/modules.ts.
 * A domain added to the contract without its module fails here, naming the channels.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { silentNotifier } from '../../../src/main/electron-ports';
import { silentLogger } from '../../../src/main/log';
import { coreModules } from '../../../src/main/modules';
import { invokeChannels } from '../../../src/shared/ipc/contract';

describe('module coverage of the contract', () => {
  const core = createCore({
    dataDir: '/nonexistent/never-started',
    clock: { now: () => 0 },
    keychain: { get: async () => null, set: async () => {}, delete: async () => false },
    notifier: silentNotifier,
    logger: silentLogger,
  });

  it('uses the registered module list', () => {
    expect(core.moduleNames).toEqual(coreModules.map((_, i) => core.moduleNames[i]));
    expect(core.moduleNames).toContain('app');
  });

  it('every contract channel has a handler', () => {
    const missing = invokeChannels.filter((c) => !core.handledChannels.includes(c));
    expect(missing, `channels without a handler in src/main/modules.ts: ${missing.join(', ')}`).toEqual([]);
  });
});
