"""Provides the baseline of the import figure: the rows of an inbox CSV put into
``inbox_item`` with nothing but ``csv`` and ``sqlite3.executemany``, one transaction.

    python benchmarks/raw_import.py WORKSPACE FILE BRAND_ID

It does the least an import must (parse the times, find the channel, give a due time) and
none of smtui's checks, so that it is the floor smtui's own import is compared with.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path


def main(argv: list[str]) -> int:
    workspace, source, brand_id = Path(argv[0]), Path(argv[1]), int(argv[2])
    connection = sqlite3.connect(workspace, isolation_level=None)
    channels = {
        handle: channel_id
        for channel_id, handle in connection.execute(
            "SELECT id, handle FROM channel WHERE brand_id = ?", (brand_id,)
        )
    }
    rows = []
    with source.open(encoding="utf-8", newline="") as handle:
        for line in csv.DictReader(handle):
            received = datetime.fromisoformat(line["received_at"]).astimezone(UTC)
            due = received + timedelta(days=1)
            rows.append(
                (
                    brand_id,
                    channels.get(line["channel"]),
                    line["kind"],
                    line["author_name"],
                    line["author_handle"],
                    line["text"],
                    line["url"] or None,
                    received.strftime("%Y-%m-%d %H:%M:%S.%f"),
                    "new",
                    2,
                    due.strftime("%Y-%m-%d %H:%M:%S.%f"),
                    "," + line["tags"] + "," if line["tags"] else "",
                    line["external_id"],
                    "import",
                )
            )
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(
        "INSERT INTO inbox_item (brand_id, channel_id, kind, author_name, author_handle, text, "
        "url, received_at, status, priority, due_at, tags, external_id, source, reply_text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
        rows,
    )
    connection.execute("COMMIT")
    connection.close()
    print(f"inserted {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
