"""PostgreSQL's bulk path (COPY) against SQLAlchemy's insertmanyvalues, the same rows in turn.

    .venv/bin/python bench/bench_copy.py --from URL_WITH_THE_SYNTHETIC_IMPORT --to URL_OF_ANOTHER_SCHEMA

Reads 50,000 event rows and 50,000 post versions from a store holding the synthetic organisation,
then three times, in turn, writes them into another store's (migrated) tables through
``repository._bulk_copy`` and through ``insert(...)`` executemany, each in a transaction that is
rolled back. Prints the seconds of each and the median of the ratios.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from raadhuis.store.tables import EventRow, PostVersion


def copy_path(s: Session, table: type, rows: list[dict[str, Any]]) -> None:
    repo._bulk_copy(s, table, rows)  # noqa: SLF001 - the bench measures the path itself


def insert_path(s: Session, table: type, rows: list[dict[str, Any]]) -> None:
    conn = s.connection()
    statement = insert(table.__table__)  # type: ignore[attr-defined]
    for i in range(0, len(rows), 20000):
        conn.execute(statement, rows[i : i + 20000])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="source", required=True)
    ap.add_argument("--to", dest="target", required=True)
    args = ap.parse_args()
    src, dst = Store(args.source), Store(args.target)
    with src.session() as s:
        tables: list[tuple[type, list[dict[str, Any]]]] = []
        for table in (EventRow, PostVersion):
            cols = [c for c in table.__table__.columns if c.name != "id"]  # type: ignore[attr-defined]
            tables.append((table, [dict(r._mapping) for r in s.execute(select(*cols).limit(50000))]))
    res: dict[str, list[float]] = {"copy": [], "insert": []}
    for _ in range(3):
        for name, fn in (("copy", copy_path), ("insert", insert_path)):
            with dst.session() as s:
                started = time.perf_counter()
                for table, rows in tables:
                    fn(s, table, rows)
                res[name].append(time.perf_counter() - started)
                s.rollback()
    ratio = statistics.median(a / b for a, b in zip(res["copy"], res["insert"], strict=True))
    print({k: [round(x, 2) for x in v] for k, v in res.items()}, f"copy/insert {ratio:.2f}")


if __name__ == "__main__":
    main()
