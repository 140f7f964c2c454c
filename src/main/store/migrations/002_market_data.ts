/**
 * 002 — market data caches: 1-minute bars aggregated from ticks, and daily OHLCV (gaps filled from
 * inquire-daily-itemchartprice). Both are upserted by primary key, so re-flushing a bar is harmless.
 */
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'market data caches',
  up(db) {
    db.exec(`
      CREATE TABLE market_candles (
        symbol   TEXT    NOT NULL,
        venue    TEXT    NOT NULL CHECK (venue IN ('KRX', 'NXT', 'UN')),
        minute   INTEGER NOT NULL, -- epoch ms of the bar's first second
        open     INTEGER NOT NULL,
        high     INTEGER NOT NULL,
        low      INTEGER NOT NULL,
        close    INTEGER NOT NULL,
        volume   INTEGER NOT NULL,
        turnover INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (symbol, venue, minute)
      ) WITHOUT ROWID;

      CREATE TABLE daily_prices (
        symbol   TEXT    NOT NULL,
        venue    TEXT    NOT NULL CHECK (venue IN ('KRX', 'NXT', 'UN')),
        date     TEXT    NOT NULL, -- KST 'YYYYMMDD'
        open     INTEGER NOT NULL,
        high     INTEGER NOT NULL,
        low      INTEGER NOT NULL,
        close    INTEGER NOT NULL,
        volume   INTEGER NOT NULL,
        turnover INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (symbol, venue, date)
      ) WITHOUT ROWID;
    `);
  },
};
