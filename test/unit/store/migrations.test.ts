import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openStore, StoreOpenError } from '../../../src/main/store';
import { migrate } from '../../../src/main/store/migrate';
import { MIGRATIONS, type Migration } from '../../../src/main/store/migrations';
import { AEGIS_APPLICATION_ID, closeDb, inspectDatabaseFile, openWritableDb, readPragma, type WritableDb } from '../../../src/main/store/open';
import { manualClock, tempDir } from './helpers';

/** A database file migrated to exactly `version`, with realistic rows in every table that version has. */
function databaseAt(version: number): { file: string; db: WritableDb } {
  const file = join(tempDir(), 'aegis.sqlite3');
  const db = openWritableDb(file);
  migrate(db, file, { target: version });
  seed(db, version);
  return { file, db };
}

function seed(db: WritableDb, version: number): void {
  if (version >= 1) {
    db.exec(`
      INSERT INTO trade_orders (id, client_order_id, source, kind, state, trade_date, symbol, side, route, ord_dvsn, qty, price,
        order_no, org_no, filled_qty, filled_amount, created_at, updated_at)
      VALUES (1, 'c0ffee00-0000-4000-8000-000000000001', 'terminal', 'new', 'partially_filled', '20260316', '005930', 'buy', 'NXT', '00',
        10, 70000, '0000001234', '06010', 4, 280000, 1, 2);
      INSERT INTO trade_executions (order_id, trade_date, order_no, fill_key, source, symbol, side, venue, qty, price, amount, time, recorded_at)
      VALUES (1, '20260316', '0000001234', 'N|093001|NXT|70000|4', 'notice', '005930', 'buy', 'NXT', 4, 70000, 280000, 3, 3);
      INSERT INTO portfolio (symbol, symbol_name, qty, cost, nxt_qty, nxt_cost, updated_at) VALUES ('005930', '삼성전자', 4, 280000, 4, 280000, 3);
      INSERT INTO account_snapshots (time, trade_date, cash_d0, cash_d1, cash_d2, total_assets, securities_value, cost_total, unrealized_pnl)
      VALUES (5, '20260316', 1000000, 1000000, 720000, 1000000, 280000, 280000, 0);
    `);
  }
  if (version >= 2) {
    db.exec(`
      INSERT INTO market_candles (symbol, venue, minute, open, high, low, close, volume) VALUES ('005930', 'KRX', 1773621000000, 70000, 70100, 69900, 70050, 1200);
      INSERT INTO daily_prices (symbol, venue, date, open, high, low, close, volume) VALUES ('005930', 'KRX', '20260313', 69000, 70500, 68800, 70000, 9000000);
    `);
  }
  if (version >= 3) {
    db.exec(`
      INSERT INTO settings (key, value, updated_at) VALUES ('risk.maxOrderValue', '50000000', 7);
      INSERT INTO watchlist_items (watchlist_id, symbol, position, added_at) SELECT id, '000660', 0, 7 FROM watchlists LIMIT 1;
      UPDATE kill_switch SET engaged = 1, reason = 'test', changed_by = 'ui', changed_at = 8;
    `);
  }
}

/** What every version's fixture must still say after any later migration. */
function expectSeedIntact(db: WritableDb, version: number): void {
  if (version >= 1) {
    expect(db.prepare('SELECT state, filled_qty, order_no FROM trade_orders WHERE id = 1').get()).toEqual({
      state: 'partially_filled',
      filled_qty: 4,
      order_no: '0000001234',
    });
    expect(db.prepare('SELECT qty, cost FROM portfolio WHERE symbol = ?').get('005930')).toEqual({ qty: 4, cost: 280000 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM trade_executions').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT cash_d2 FROM account_snapshots').get()).toEqual({ cash_d2: 720000 });
  }
  if (version >= 2) {
    expect(db.prepare('SELECT close FROM market_candles').get()).toEqual({ close: 70050 });
    expect(db.prepare('SELECT close FROM daily_prices').get()).toEqual({ close: 70000 });
  }
  if (version >= 3) {
    expect(db.prepare("SELECT value FROM settings WHERE key = 'risk.maxOrderValue'").get()).toEqual({ value: '50000000' });
    expect(db.prepare('SELECT engaged FROM kill_switch').get()).toEqual({ engaged: 1 });
  }
}

const tables = (db: WritableDb): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('migrations', () => {
  it('are numbered 1..N, one per file, and N is what the store reports', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
  });

  it('001 creates the account mirror on an empty file and stamps user_version and application_id', () => {
    const { db } = databaseAt(0);
    expect(readPragma(db, 'user_version')).toBe(0);
    migrate(db, 'x', { target: 1 });
    expect(readPragma(db, 'user_version')).toBe(1);
    expect(readPragma(db, 'application_id')).toBe(AEGIS_APPLICATION_ID);
    expect(tables(db)).toEqual(['account_snapshots', 'portfolio', 'trade_executions', 'trade_orders']);
    seed(db, 1);
    expectSeedIntact(db, 1);
    // The venue lots must sum to the position: the file refuses anything else.
    expect(() => db.exec("UPDATE portfolio SET krx_qty = 1 WHERE symbol = '005930'")).toThrow(/CHECK/);
    // The fill key is unique per (trade date, order number): the dedupe rule lives in the schema.
    expect(() =>
      db.exec(`INSERT INTO trade_executions (order_id, trade_date, order_no, fill_key, source, symbol, side, venue, qty, price, amount, time, recorded_at)
               VALUES (1, '20260316', '0000001234', 'N|093001|NXT|70000|4', 'notice', '005930', 'buy', 'NXT', 4, 70000, 280000, 3, 3)`),
    ).toThrow(/UNIQUE/);
    closeDb(db);
  });

  it('002 adds market data caches and keeps every 001 row', () => {
    const { db } = databaseAt(1);
    migrate(db, 'x', { target: 2 });
    expect(readPragma(db, 'user_version')).toBe(2);
    expectSeedIntact(db, 1);
    expect(tables(db)).toEqual(expect.arrayContaining(['market_candles', 'daily_prices']));
    seed2Only(db);
    expect(db.prepare('SELECT COUNT(*) AS n FROM market_candles').get()).toEqual({ n: 1 });
    closeDb(db);
  });

  it('003 adds app state, seeds the kill switch (disengaged) and a first watchlist, and keeps 001–002 rows', () => {
    const { db } = databaseAt(2);
    migrate(db, 'x', { target: 3 });
    expect(readPragma(db, 'user_version')).toBe(3);
    expectSeedIntact(db, 2);
    expect(db.prepare('SELECT engaged FROM kill_switch WHERE id = 1').get()).toEqual({ engaged: 0 });
    expect(db.prepare('SELECT name FROM watchlists').all()).toEqual([{ name: '관심종목' }]);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['settings', 'watchlists', 'watchlist_items', 'sync_log', 'sync_status', 'notifications', 'kill_switch']),
    );
    closeDb(db);
  });

  for (let from = 0; from < LATEST_SCHEMA_VERSION; from++) {
    it(`a database at version ${from} opens as version ${LATEST_SCHEMA_VERSION} with its data intact`, () => {
      const { file, db } = databaseAt(from);
      closeDb(db);
      const store = openStore(file, { clock: manualClock() });
      try {
        expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
        if (from >= 1) {
          const view = store.reads.portfolioView({ '005930': 71000 });
          expect(view.positions.map((p) => [p.symbol, p.qty, p.cost, p.value])).toEqual([['005930', 4, 280000, 284000]]);
          expect(store.reads.orderByClientId('c0ffee00-0000-4000-8000-000000000001')?.filledQty).toBe(4);
        }
        if (from >= 2) expect(store.reads.dailyPrices('005930', '20260301', '20260331')).toHaveLength(1);
        expect(store.reads.killSwitch().engaged).toBe(from >= 3);
        expect(ok(store.writer.setSetting('ui.theme', 'dark'))).toBeTruthy();
      } finally {
        store.close();
      }
    });
  }

  it('re-opening a current database applies nothing', () => {
    const { file, db } = databaseAt(LATEST_SCHEMA_VERSION);
    expect(migrate(db, file).applied).toEqual([]);
    closeDb(db);
  });

  it('a failing step is rolled back whole: user_version stays, none of its tables exist', () => {
    const { file, db } = databaseAt(1);
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, file, { migrations: [MIGRATIONS[0]!, broken] })).toThrow(/step 2.*disk on fire/);
    expect(readPragma(db, 'user_version')).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    expectSeedIntact(db, 1);
    closeDb(db);
  });
});

function seed2Only(db: WritableDb): void {
  db.exec("INSERT INTO market_candles (symbol, venue, minute, open, high, low, close, volume) VALUES ('005930', 'NXT', 60000, 1, 1, 1, 1, 1)");
}

function ok<T extends { ok: boolean }>(r: T): T {
  expect(r.ok).toBe(true);
  return r;
}

describe('opening a database the app must not touch', () => {
  function expectRefused(file: string, code: string, pattern: RegExp): void {
    const dir = join(file, '..');
    const before = { hash: sha(file), mtime: statSync(file).mtimeMs, files: readdirSync(dir).sort() };
    let caught: unknown;
    try {
      openStore(file, { clock: manualClock() }).close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreOpenError);
    expect((caught as StoreOpenError).code).toBe(code);
    expect((caught as StoreOpenError).message).toMatch(pattern);
    expect(sha(file)).toBe(before.hash);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    expect(readdirSync(dir).sort()).toEqual(before.files);
  }

  it('a database from a newer version is refused in Korean and English and left byte-for-byte untouched', () => {
    const { file, db } = databaseAt(LATEST_SCHEMA_VERSION);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 4}`);
    closeDb(db);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expectRefused(file, 'DB_TOO_NEW', /새 버전.*newer version/s);
    expect((() => {
      try {
        openStore(file, { clock: manualClock() });
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    })()).toContain(`schema ${LATEST_SCHEMA_VERSION + 4}`);
  });

  it('a newer database that another process still has open (with a -wal) is refused the same way', () => {
    const { file, db } = databaseAt(LATEST_SCHEMA_VERSION);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`); // lives only in the -wal until a checkpoint
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    // The header still says the old version; only a read through SQLite sees the -wal's newer one.
    expect(readFileSync(file).readInt32BE(60)).toBe(LATEST_SCHEMA_VERSION);
    expect(inspectDatabaseFile(file)).toMatchObject({ kind: 'database', userVersion: LATEST_SCHEMA_VERSION + 1 });
    const mainBefore = sha(file);
    let caught: unknown;
    try {
      openStore(file, { clock: manualClock() });
    } catch (err) {
      caught = err;
    }
    expect((caught as StoreOpenError).code).toBe('DB_TOO_NEW');
    expect(sha(file)).toBe(mainBefore);
    expect(readPragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION + 1);
    closeDb(db);
  });

  it('another program’s SQLite file is refused untouched', () => {
    const file = join(tempDir(), 'other.db');
    const db = openWritableDb(file);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.pragma('journal_mode = DELETE');
    closeDb(db);
    expectRefused(file, 'FOREIGN_DATABASE', /다른 프로그램.*another application/s);
  });

  it('a file that is not a database is refused untouched', () => {
    const file = join(tempDir(), 'aegis.sqlite3');
    writeFileSync(file, 'this is a spreadsheet, honest. '.repeat(10));
    expectRefused(file, 'NOT_A_DATABASE', /SQLite.*not an SQLite database/s);
  });
});
