/**
 * Offline gate for electron-builder.yml (packaging itself needs the internet):
 *   1. electron-builder's own schema validation of the merged config;
 *   2. our policy: appId, targets, icons, npmRebuild off, asar on, publish off, every fuse as design.md says;
 *   3. a real `--linux dir` pack against a stand-in Electron binary that carries a genuine fuse wire, then
 *      reads the wire back (proves the fuses are flipped, not just written in YAML) and lists app.asar
 *      (our build output and runtime dependencies in, sources/tests/dev tooling out).
 * Exits 1 with the reasons on any failure. Run after `electron-vite build`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config');
const { DebugLogger } = fromBuilder('builder-util');
const asar = fromBuilder('@electron/asar');
const fuses = fromBuilder('@electron/fuses');

const problems = [];
const expect = (ok, message) => {
  if (!ok) problems.push(message);
};
const started = Date.now();

// 1. Schema.
const config = await getConfig(root, null, null);
try {
  await validateConfiguration(config, new DebugLogger(false));
} catch (err) {
  problems.push(`schema: ${err.message}`);
}

// 2. Policy.
const targets = (platform) => (config[platform]?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
expect(config.appId === 'com.aegis.terminal', `appId must be com.aegis.terminal (is ${config.appId})`);
expect(config.productName === 'Aegis Terminal', 'productName must be Aegis Terminal');
expect(config.asar === true, 'asar must be true');
expect(config.npmRebuild === false, 'npmRebuild must be false (Node-API modules need no rebuild; it would need the internet)');
expect(config.publish === null || config.publish === 'never', 'publish must be off');
const fileFilters = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
expect(fileFilters.includes('out/**'), 'files must include out/**');
expect(targets('linux').includes('AppImage') && targets('linux').includes('deb'), 'linux targets must be AppImage and deb');
expect(targets('win').includes('nsis'), 'windows target must be nsis');
expect(targets('mac').includes('dmg'), 'mac target must be dmg');
for (const platform of ['linux', 'win', 'mac']) {
  const icon = config[platform]?.icon;
  expect(typeof icon === 'string' && existsSync(join(root, icon)), `${platform}.icon must point to a file in resources/ (is ${icon})`);
}
const iconPng = readFileSync(join(root, 'resources/icon.png'));
expect(iconPng.readUInt32BE(16) >= 512 && iconPng.readUInt32BE(20) >= 512, 'resources/icon.png must be at least 512×512');
const wantFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};
for (const [name, value] of Object.entries(wantFuses)) {
  expect(config.electronFuses?.[name] === value, `electronFuses.${name} must be ${value}`);
}

// 3. Pack against a stand-in Electron whose fuse wire starts at Electron's defaults.
const { FuseV1Options, getCurrentFuseWire } = fuses;
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 }; // '0' / '1' in the wire (@electron/fuses constants)
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const defaults = [1, 0, 1, 1, 0, 0, 0, 1]; // RunAsNode … GrantFileProtocolExtraPrivileges, as shipped
const work = mkdtempSync(join(tmpdir(), 'aegis-builder-'));
try {
  const dist = join(work, 'electron-dist');
  mkdirSync(dist);
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron for offline packaging checks"\nexit 1\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, defaults.length, ...defaults.map((d) => (d ? FuseState.ENABLE : FuseState.DISABLE))]),
  ]);
  writeFileSync(join(dist, 'electron'), binary);
  chmodSync(join(dist, 'electron'), 0o755);
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const out = join(work, 'release');
  const run = spawnSync(
    join(root, 'node_modules/.bin/electron-builder'),
    ['--linux', 'dir', '--publish', 'never', `-c.electronDist=${dist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${out}`],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: '1' } },
  );
  if (run.status !== 0) {
    problems.push(`electron-builder --linux dir failed:\n${run.stdout}\n${run.stderr}`);
  } else {
    const appDir = join(out, 'linux-unpacked');
    const wire = await getCurrentFuseWire(join(appDir, 'aegis-terminal'));
    const fuseIs = (option, enabled) => wire[option] === (enabled ? FuseState.ENABLE : FuseState.DISABLE);
    expect(fuseIs(FuseV1Options.RunAsNode, false), 'packed binary: RunAsNode fuse is not off');
    expect(fuseIs(FuseV1Options.EnableNodeOptionsEnvironmentVariable, false), 'packed binary: NODE_OPTIONS fuse is not off');
    expect(fuseIs(FuseV1Options.EnableNodeCliInspectArguments, false), 'packed binary: --inspect fuse is not off');
    expect(fuseIs(FuseV1Options.EnableCookieEncryption, true), 'packed binary: cookie encryption fuse is not on');
    expect(fuseIs(FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true), 'packed binary: asar integrity fuse is not on');
    expect(fuseIs(FuseV1Options.OnlyLoadAppFromAsar, true), 'packed binary: only-load-from-asar fuse is not on');

    const files = new Set(asar.listPackage(join(appDir, 'resources/app.asar')).map((f) => f.split('\\').join('/')));
    for (const must of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/resources/icon.png', '/resources/tray.png', '/node_modules/better-sqlite3/package.json', '/node_modules/keytar/package.json', '/node_modules/zod/package.json', '/node_modules/ws/package.json', '/node_modules/undici/package.json']) {
      expect(files.has(must), `app.asar lacks ${must}`);
    }
    for (const banned of ['/src', '/test', '/scripts', '/docs', '/node_modules/electron', '/node_modules/react', '/node_modules/vitest', '/node_modules/typescript', '/node_modules/playwright-core', '/electron-builder.yml', '/.ci']) {
      expect(!files.has(banned), `app.asar must not contain ${banned}`);
    }
    const maps = [...files].filter((f) => f.startsWith('/out/') && f.endsWith('.map'));
    expect(maps.length === 0, `app.asar must not contain source maps: ${maps.join(', ')}`);
    expect(existsSync(join(appDir, 'resources/app.asar.unpacked/node_modules/better-sqlite3')), 'native better-sqlite3 must be unpacked from asar');
    console.log(`builder: packed app.asar with ${files.size} entries; fuses read back from the binary`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`electron-builder config: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`electron-builder config OK (${Date.now() - started} ms)`);
