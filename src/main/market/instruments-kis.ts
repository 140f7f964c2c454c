/**
 * Paper/real: the instrument directory from the KIS master files (kis-api.md §10), downloaded into the data
 * folder at most once a KST day and parsed from disk; a failed download falls back to yesterday's files. NXT
 * eligibility is not in the master files: on real it comes from CTPF1002R (rest.stockInfo, cached per day by
 * the REST client) when a symbol is first needed; paper trades KRX only, so it stays false there.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import { kstDate } from '../../shared/market/time';
import type { KisRest } from '../kis';
import type { Logger } from '../log';
import type { InstrumentInfo } from '../session/service';
import { createInstrumentDirectory, type MutableInstrumentDirectory } from './instruments';
import { parseMasterFile, type MasterMarket, type MasterRecord } from './master-file';
import { readZipEntry } from './zip';

export const KIS_MASTER_BASE_URL = 'https://new.real.download.dws.co.kr/common/master';
const FILES: Record<MasterMarket, string> = { KOSPI: 'kospi_code.mst', KOSDAQ: 'kosdaq_code.mst' };
const DOWNLOAD_TIMEOUT_MS = 60_000;

export interface KisDirectoryOptions {
  /** The app's data folder; master files go to `<dataDir>/master/`. */
  dataDir: string;
  clock: Clock;
  logger: Logger;
  paper: boolean;
  /** Where `<file>.zip` is downloaded from (tests: a loopback server). */
  masterBaseUrl?: string;
  fetch?: typeof fetch;
}

export interface KisInstrumentDirectory extends MutableInstrumentDirectory {
  /** Downloads stale files and (re)loads the directory. Never rejects; see `lastLoad`. */
  load(): Promise<void>;
  lastLoad(): { ok: boolean; count: number; downloaded: MasterMarket[]; message?: string } | null;
  /** The REST client for CTPF1002R (real only). */
  attachRest(rest: KisRest | null): void;
  ensure(symbol: string): Promise<InstrumentInfo | undefined>;
}

type Meta = Partial<Record<MasterMarket, string>>;

export function masterDir(dataDir: string): string {
  return join(dataDir, 'master');
}

export function kisInstrumentDirectory(o: KisDirectoryOptions): KisInstrumentDirectory {
  const dir = createInstrumentDirectory();
  const folder = masterDir(o.dataDir);
  const metaFile = join(folder, 'downloads.json');
  const base = (o.masterBaseUrl ?? KIS_MASTER_BASE_URL).replace(/\/+$/, '');
  const doFetch = o.fetch ?? fetch;
  const log = o.logger.child('instruments');
  let rest: KisRest | null = null;
  let last: ReturnType<KisInstrumentDirectory['lastLoad']> = null;
  let loading: Promise<void> | null = null;
  const resolved = new Map<string, string>(); // symbol → KST day its NXT flag was looked up

  async function readMeta(): Promise<Meta> {
    try {
      return JSON.parse(await readFile(metaFile, 'utf8')) as Meta;
    } catch {
      return {};
    }
  }

  async function download(market: MasterMarket): Promise<void> {
    const name = FILES[market];
    const res = await doFetch(`${base}/${name}.zip`, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const mst = readZipEntry(Buffer.from(await res.arrayBuffer()), name);
    const tmp = join(folder, `${name}.part`);
    await writeFile(tmp, mst);
    await rename(tmp, join(folder, name)); // a crash mid-download never leaves a half file under the real name
  }

  async function loadOnce(): Promise<void> {
    const today = kstDate(o.clock.now());
    await mkdir(folder, { recursive: true });
    const meta = await readMeta();
    const downloaded: MasterMarket[] = [];
    const problems: string[] = [];
    const records: MasterRecord[] = [];
    for (const market of ['KOSPI', 'KOSDAQ'] as const) {
      const file = join(folder, FILES[market]);
      if (meta[market] !== today || !existsSync(file)) {
        try {
          await download(market);
          meta[market] = today;
          downloaded.push(market);
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          problems.push(`${market}: ${why}`);
          log.warn('master file download failed; using the last one on disk if any', { market, error: why });
        }
      }
      if (!existsSync(file)) continue;
      try {
        const parsed = parseMasterFile(await readFile(file), market);
        records.push(...parsed.records);
        if (parsed.skipped > 0) log.info('master file lines skipped', { market, skipped: parsed.skipped });
      } catch (err) {
        problems.push(`${market}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (downloaded.length > 0) await writeFile(metaFile, JSON.stringify(meta));
    const previous = new Map(dir.all().map((i) => [i.symbol, i.nxtEligible]));
    if (records.length > 0) {
      dir.replace(
        records.map((r) => ({
          info: { symbol: r.symbol, name: r.name, nameEn: '', market: r.market, etp: r.etp, nxtEligible: o.paper ? false : (previous.get(r.symbol) ?? false) },
          weight: r.marketCap,
        })),
      );
    }
    last = { ok: problems.length === 0, count: dir.size(), downloaded, ...(problems.length > 0 ? { message: problems.join('; ').slice(0, 300) } : {}) };
    log.info('instrument directory loaded', { count: dir.size(), downloaded });
  }

  return {
    ...dir,
    load() {
      loading ??= loadOnce()
        .catch((err: unknown) => {
          last = { ok: false, count: dir.size(), downloaded: [], message: err instanceof Error ? err.message : String(err) };
          log.error('instrument directory failed to load', { error: last.message });
        })
        .finally(() => {
          loading = null;
        });
      return loading;
    },
    lastLoad: () => last,
    attachRest(r) {
      rest = r;
    },
    async ensure(symbol) {
      const info = dir.get(symbol);
      if (!info || o.paper || !rest) return info;
      const today = kstDate(o.clock.now());
      if (resolved.get(symbol) === today) return info;
      try {
        const si = await rest.stockInfo(symbol, { priority: 'background' });
        // "NXT unknown" (null) is KRX only (kis-api.md §4.12 DECISION).
        dir.setNxtEligible(symbol, si.nxtTradable === true);
        if (si.source === 'kis') resolved.set(symbol, today);
      } catch (err) {
        log.warn('NXT eligibility lookup failed; KRX only for now', { symbol, error: err instanceof Error ? err.message : String(err) });
      }
      return dir.get(symbol);
    },
  };
}
