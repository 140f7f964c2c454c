/**
 * 001 — the account mirror: the order journal, executions, holdings and account snapshots.
 * Money and quantities are INTEGER (원, shares); instants are epoch ms; trade_date is KST 'YYYYMMDD'.
 */
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'core account mirror',
  up(db) {
    db.exec(`
      CREATE TABLE trade_orders (
        id                INTEGER PRIMARY KEY,
        client_order_id   TEXT    NOT NULL UNIQUE,
        source            TEXT    NOT NULL CHECK (source IN ('terminal', 'external')),
        kind              TEXT    NOT NULL DEFAULT 'new' CHECK (kind IN ('new', 'modify', 'cancel')),
        state             TEXT    NOT NULL CHECK (state IN ('intent', 'sent', 'accepted', 'partially_filled',
                                    'filled', 'cancelled', 'rejected', 'unknown', 'failed')),
        trade_date        TEXT    NOT NULL,
        symbol            TEXT    NOT NULL,
        symbol_name       TEXT,
        side              TEXT    NOT NULL CHECK (side IN ('buy', 'sell')),
        route             TEXT    NOT NULL CHECK (route IN ('KRX', 'NXT', 'SOR')),
        ord_dvsn          TEXT    NOT NULL,
        qty               INTEGER NOT NULL CHECK (qty > 0),
        price             INTEGER NOT NULL CHECK (price >= 0),
        stop_price        INTEGER,
        order_no          TEXT,
        org_no            TEXT,
        original_order_no TEXT,
        filled_qty        INTEGER NOT NULL DEFAULT 0 CHECK (filled_qty >= 0),
        filled_amount     INTEGER NOT NULL DEFAULT 0 CHECK (filled_amount >= 0),
        cancelled_qty     INTEGER NOT NULL DEFAULT 0 CHECK (cancelled_qty >= 0),
        rejected_qty      INTEGER NOT NULL DEFAULT 0 CHECK (rejected_qty >= 0),
        -- modify/cancel requests: when KIS confirmed moving shares out of the original order (idempotence guard)
        confirmed_at      INTEGER,
        reject_code       TEXT,
        reject_message    TEXT,
        unknown_reason    TEXT,
        dedupe_key        TEXT,
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        sent_at           INTEGER,
        accepted_at       INTEGER
      );
      -- KIS order numbers restart every trade date.
      CREATE UNIQUE INDEX trade_orders_order_no ON trade_orders (trade_date, order_no) WHERE order_no IS NOT NULL;
      CREATE INDEX trade_orders_day ON trade_orders (trade_date, created_at);
      -- Live orders by side then symbol: "open sells per symbol" (sellable qty) is one range scan.
      CREATE INDEX trade_orders_live ON trade_orders (side, symbol)
        WHERE state IN ('intent', 'sent', 'accepted', 'partially_filled', 'unknown');
      CREATE INDEX trade_orders_dedupe ON trade_orders (dedupe_key, created_at) WHERE dedupe_key IS NOT NULL;

      CREATE TABLE trade_executions (
        id          INTEGER PRIMARY KEY,
        order_id    INTEGER NOT NULL REFERENCES trade_orders (id),
        trade_date  TEXT    NOT NULL,
        order_no    TEXT    NOT NULL,
        -- see write/fills.ts: 'N|HHMMSS|venue|price|qty' for notices, 'R|<KIS total>' for reconciliation remainders
        fill_key    TEXT    NOT NULL,
        source      TEXT    NOT NULL CHECK (source IN ('notice', 'reconcile')),
        symbol      TEXT    NOT NULL,
        side        TEXT    NOT NULL CHECK (side IN ('buy', 'sell')),
        venue       TEXT    NOT NULL CHECK (venue IN ('KRX', 'NXT')),
        qty         INTEGER NOT NULL CHECK (qty > 0),
        price       INTEGER NOT NULL CHECK (price >= 0),
        amount      INTEGER NOT NULL CHECK (amount >= 0),
        fee         INTEGER NOT NULL DEFAULT 0,
        tax         INTEGER NOT NULL DEFAULT 0,
        -- sells: the position cost these shares carried (realized P&L = amount - cost_basis); buys: 0
        cost_basis  INTEGER NOT NULL DEFAULT 0,
        time        INTEGER NOT NULL,
        recorded_at INTEGER NOT NULL,
        UNIQUE (trade_date, order_no, fill_key)
      );
      CREATE INDEX trade_executions_order ON trade_executions (order_id);
      CREATE INDEX trade_executions_day ON trade_executions (trade_date, symbol);
      CREATE INDEX trade_executions_symbol_time ON trade_executions (symbol, time);

      -- One row per symbol, KRX and NXT merged; avg price is always cost / qty, never stored. Where the held
      -- shares were bought (net of sells) is kept per venue in columns: there are exactly two venues, and the
      -- CHECK makes "the lots sum to the position" a rule of the file, not only of the code.
      CREATE TABLE portfolio (
        symbol            TEXT    PRIMARY KEY,
        symbol_name       TEXT,
        qty               INTEGER NOT NULL CHECK (qty > 0),
        cost              INTEGER NOT NULL CHECK (cost >= 0),
        krx_qty           INTEGER NOT NULL DEFAULT 0 CHECK (krx_qty >= 0),
        krx_cost          INTEGER NOT NULL DEFAULT 0 CHECK (krx_cost >= 0),
        nxt_qty           INTEGER NOT NULL DEFAULT 0 CHECK (nxt_qty >= 0),
        nxt_cost          INTEGER NOT NULL DEFAULT 0 CHECK (nxt_cost >= 0),
        -- ord_psbl_qty at the last balance read (diagnostic; the live sellable qty is derived from open sells)
        rest_sellable_qty INTEGER,
        updated_at        INTEGER NOT NULL,
        last_fill_at      INTEGER,
        reconciled_at     INTEGER,
        CHECK (krx_qty + nxt_qty = qty AND krx_cost + nxt_cost = cost)
      ) WITHOUT ROWID;

      -- The equity chart's history: one row per balance read (about one a minute in session).
      CREATE TABLE account_snapshots (
        id                INTEGER PRIMARY KEY,
        time              INTEGER NOT NULL,
        trade_date        TEXT    NOT NULL,
        cash_d0           INTEGER NOT NULL,
        cash_d1           INTEGER NOT NULL,
        cash_d2           INTEGER NOT NULL,
        orderable_cash    INTEGER,
        total_assets      INTEGER NOT NULL,
        securities_value  INTEGER NOT NULL,
        cost_total        INTEGER NOT NULL,
        unrealized_pnl    INTEGER NOT NULL,
        realized_today    INTEGER,
        net_assets        INTEGER,
        prev_total_assets INTEGER,
        source            TEXT    NOT NULL DEFAULT 'balance'
      );
      CREATE INDEX account_snapshots_time ON account_snapshots (time);
      CREATE INDEX account_snapshots_day ON account_snapshots (trade_date, time);
    `);
  },
};
