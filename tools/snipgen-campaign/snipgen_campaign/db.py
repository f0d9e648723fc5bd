"""The campaign database (SQLite).  Schema, documented in docs/campaign.md:

  meta(key TEXT PRIMARY KEY, value TEXT)
      campaign settings: num_instrs, check, cosim, seeds, shard, tool.
  runs(layout TEXT, seed INTEGER, status TEXT, primary_instructions INTEGER,
       ancillary_instructions INTEGER, executed_instructions INTEGER,
       executed_primary_instructions INTEGER, code_bytes INTEGER, command TEXT, message TEXT, coverage TEXT,
       seconds REAL, PRIMARY KEY (layout, seed))
      one row per (layout, seed).  status is 'pass' or the failure kind;
      coverage is the seed's coverage JSON (sorted keys).  Everything but
      'seconds' depends only on (layout, seed, settings).
"""
import json
import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS runs (
  layout TEXT NOT NULL,
  seed INTEGER NOT NULL,
  status TEXT NOT NULL,
  primary_instructions INTEGER,
  ancillary_instructions INTEGER,
  executed_instructions INTEGER,
  executed_primary_instructions INTEGER,
  code_bytes INTEGER,
  command TEXT NOT NULL,
  message TEXT,
  coverage TEXT,
  seconds REAL,
  PRIMARY KEY (layout, seed)
);
"""
COLUMNS = ["layout", "seed", "status", "primary_instructions", "ancillary_instructions",
           "executed_instructions", "executed_primary_instructions", "code_bytes", "command", "message", "coverage", "seconds"]
DB_NAME = "campaign.sqlite"


def open_db(path):
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    return con


def set_meta(con, meta):
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [(k, json.dumps(v)) for k, v in sorted(meta.items())])


def get_meta(con):
    return {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM meta")}


def insert(con, row):
    con.execute(f"INSERT OR REPLACE INTO runs ({', '.join(COLUMNS)}) VALUES "
                f"({', '.join('?' * len(COLUMNS))})", [row.get(c) for c in COLUMNS])


def rows(con):
    cur = con.execute(f"SELECT {', '.join(COLUMNS)} FROM runs ORDER BY layout, seed")
    return [dict(zip(COLUMNS, r)) for r in cur]
