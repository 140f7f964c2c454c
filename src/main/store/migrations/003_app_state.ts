/**
 * 003 — the terminal's own state: settings, watchlists, the sync log, in-app notification history and
 * the kill switch (which must survive a restart, issue 6). Seeds the kill switch row and a first watchlist.
 */
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'app state',
  up(db) {
    db.exec(`
      -- Values are JSON; their shape is validated by the settings service, not here.
      CREATE TABLE settings (
        key        TEXT    PRIMARY KEY,
        value      TEXT    NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE watchlists (
        id         INTEGER PRIMARY KEY,
        name       TEXT    NOT NULL UNIQUE,
        position   INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE watchlist_items (
        watchlist_id INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
        symbol       TEXT    NOT NULL,
        position     INTEGER NOT NULL,
        added_at     INTEGER NOT NULL,
        PRIMARY KEY (watchlist_id, symbol)
      ) WITHOUT ROWID;

      CREATE TABLE sync_log (
        id          INTEGER PRIMARY KEY,
        kind        TEXT    NOT NULL,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
        code        TEXT,
        message     TEXT,
        summary     TEXT CHECK (summary IS NULL OR json_valid(summary))
      );
      CREATE INDEX sync_log_time ON sync_log (finished_at);
      -- Latest outcome per kind, kept by the same transaction that appends to sync_log (the UI's "last synced").
      CREATE TABLE sync_status (
        kind            TEXT    PRIMARY KEY,
        last_attempt_at INTEGER NOT NULL,
        last_ok         INTEGER NOT NULL CHECK (last_ok IN (0, 1)),
        last_success_at INTEGER,
        last_code       TEXT,
        last_message    TEXT
      ) WITHOUT ROWID;

      CREATE TABLE notifications (
        id     INTEGER PRIMARY KEY,
        time   INTEGER NOT NULL,
        kind   TEXT    NOT NULL,
        title  TEXT    NOT NULL,
        body   TEXT    NOT NULL,
        symbol TEXT,
        ref    TEXT,
        read   INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))
      );

      CREATE TABLE kill_switch (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        engaged    INTEGER NOT NULL CHECK (engaged IN (0, 1)),
        reason     TEXT    NOT NULL,
        changed_by TEXT    NOT NULL,
        changed_at INTEGER NOT NULL
      );
      CREATE TABLE kill_switch_events (
        id         INTEGER PRIMARY KEY,
        engaged    INTEGER NOT NULL,
        reason     TEXT    NOT NULL,
        changed_by TEXT    NOT NULL,
        changed_at INTEGER NOT NULL
      );

      INSERT INTO kill_switch (id, engaged, reason, changed_by, changed_at) VALUES (1, 0, 'initial', 'migration', 0);
      INSERT INTO watchlists (name, position, created_at) VALUES ('관심종목', 0, 0);
    `);
  },
};
