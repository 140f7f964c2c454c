/**
 * The E2E harness: the built renderer (out/renderer) in headless Debian Chromium, talking through a
 * `window.aegis` made by the preload's own builder to a REAL core (createCore) in the test process.
 * Calls carry the page frame's URL and top-frame flag, so the sender guard runs for real; the core trusts
 * the harness's loopback origin only because it is configured to (CoreDeps.extraRendererOrigin).
 *
 *   const t = await launchTerminal({ core: { environment: 'paper' } });
 *   await t.page.getByTestId('env-badge').textContent();
 *   t.core.emit('conn:state', {...});
 *   await t.close();
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { systemClock } from '../../src/shared/clock';
import { createCore, type Core, type CoreDeps } from '../../src/main/core';
import type { OsNotification } from '../../src/main/electron-ports';
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/csp';
import { contentTypeFor, resolveStaticFile } from '../../src/main/electron/static-files';
import { createLogger, type LogRecord } from '../../src/main/log';
import { keytarKeychain } from '../../src/main/secrets/keychain';
import { recordingNotifier, recordingSink } from './doubles';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where the E2E screens are saved: out/screenshots on every run (so a test run leaves the work tree clean), or the
 * folder in AEGIS_SCREENSHOTS — `npm run screenshots` points it at docs/screenshots to refresh the README's.
 */
export const SCREENSHOTS = process.env.AEGIS_SCREENSHOTS ? resolve(REPO_ROOT, process.env.AEGIS_SCREENSHOTS) : join(REPO_ROOT, 'out/screenshots');
export const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');
const CHROMIUM = process.env['AEGIS_CHROMIUM'] ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** Overrides for the core (dataDir defaults to a fresh temp dir, keychain to the real OS keychain). */
  core?: Partial<Omit<CoreDeps, 'extraRendererOrigin'>>;
  viewport?: { width: number; height: number };
  /** Skip core.start() (to test a core that has not started). */
  start?: boolean;
}

export interface Terminal {
  page: Page;
  core: Core;
  baseUrl: string;
  dataDir: string;
  /** What the default notifier double recorded (empty when options.core.notifier was given). */
  notifications: OsNotification[];
  /** Log records of the core (when options.core.logger was not given). */
  logs: LogRecord[];
  /** CSP violations reported by the page and console errors mentioning the policy. */
  cspViolations: string[];
  /** Uncaught page errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Builds out/renderer once if it is missing (scripts/test.sh builds before the tests run). */
export function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  const lock = join(REPO_ROOT, 'out/.e2e-build-lock');
  mkdirSync(join(REPO_ROOT, 'out'), { recursive: true });
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // Another test process is building: wait for it (up to a minute).
    const until = Date.now() + 60_000;
    while (existsSync(lock) && Date.now() < until) spawnSync('sleep', ['0.2']);
  }
  try {
    if (owner && !existsSync(join(RENDERER_DIR, 'index.html'))) {
      const r = spawnSync(join(REPO_ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: REPO_ROOT, stdio: 'pipe', encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
    }
  } finally {
    if (owner) rmSync(lock, { recursive: true, force: true });
  }
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer/index.html is missing after the build');
}

let bridgeScript: Promise<string> | null = null;
/** The page side of the bridge, bundled once per process from test/e2e/page-bridge.ts. */
function pageBridgeScript(): Promise<string> {
  bridgeScript ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: REPO_ROOT,
      build: {
        write: false,
        minify: false,
        lib: { entry: join(import.meta.dirname, 'page-bridge.ts'), formats: ['iife'], name: 'AegisHarnessBridge', fileName: 'bridge' },
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    for (const out of outputs) {
      if ('output' in out) {
        const chunk = out.output.find((o) => o.type === 'chunk');
        if (chunk && 'code' in chunk) return chunk.code;
      }
    }
    throw new Error('could not bundle the page bridge');
  })();
  return bridgeScript;
}

function serveRenderer(): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = req.method === 'GET' ? resolveStaticFile(RENDERER_DIR, url.pathname) : null;
    const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    void readFile(file).then(
      (body) => res.writeHead(200, { ...headers, 'Content-Type': contentTypeFor(file) }).end(body),
      () => res.writeHead(500, headers).end(),
    );
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolveServer({ server, baseUrl: `http://127.0.0.1:${port}` });
    });
  });
}

export async function launchTerminal(options: LaunchOptions = {}): Promise<Terminal> {
  ensureRendererBuilt();
  const bridge = await pageBridgeScript();
  const { server, baseUrl } = await serveRenderer();
  const ownDataDir = options.core?.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'aegis-e2e-data-')) : null;
  const dataDir = options.core?.dataDir ?? (ownDataDir as string);
  const profileDir = mkdtempSync(join(tmpdir(), 'aegis-e2e-chromium-'));
  const notifier = recordingNotifier();
  const logSink = recordingSink();
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

  const core = createCore({
    environment: 'demo',
    clock: systemClock,
    keychain: options.core?.keychain ?? (await keytarKeychain()),
    notifier: notifier,
    logger: createLogger(logSink.sink, 'e2e'),
    appVersion: pkg.version,
    ...options.core,
    dataDir,
    extraRendererOrigin: baseUrl,
  });
  if (options.start !== false) await core.start();

  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  let context: BrowserContext | null = null;
  let offEvents = () => {};
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await context.exposeBinding('__aegisCall', (source, channel: unknown, input: unknown) =>
      core.handle(String(channel), input, { url: source.frame.url(), isTopFrame: source.frame.parentFrame() === null }),
    );
    await context.exposeBinding('__aegisReportCsp', (_source, v: { directive: string; blockedURI: string }) => {
      cspViolations.push(`${v.directive} blocked ${v.blockedURI}`);
    });
    await context.addInitScript({ content: bridge });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    offEvents = core.on((event, payload) => {
      if (page.isClosed()) return;
      page.evaluate(([e, p]) => (globalThis as unknown as { __aegisDeliver?: (e: string, p: unknown) => void }).__aegisDeliver?.(e, p), [event, payload] as const).catch(() => {
        // The page may be navigating or closing; it re-reads the state through app:connection on load.
      });
    });
    await page.goto(`${baseUrl}/index.html`);

    const ctx = context;
    return {
      page,
      core,
      baseUrl,
      dataDir,
      notifications: notifier.notifications,
      logs: logSink.records,
      cspViolations,
      pageErrors,
      async close() {
        offEvents();
        await ctx.close().catch(() => {});
        await new Promise<void>((r) => server.close(() => r()));
        await core.stop();
        rmSync(profileDir, { recursive: true, force: true });
        if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    offEvents();
    await context?.close().catch(() => {});
    server.close();
    await core.stop();
    rmSync(profileDir, { recursive: true, force: true });
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    throw err;
  }
}

export { recordingNotifier, recordingSink } from './doubles';
