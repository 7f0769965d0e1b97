"""Provides the writer process of the durability and two-process tests: a real smtui Store in
its own process, writing one reply-queue item and one setting per step and printing
``ack N`` only after both are committed.

Usage: ``python tests/writer_process.py DB LABEL COUNT [--timed]`` (COUNT 0: write until
killed). The database must already hold a brand. Everything printed before a kill is
therefore a promise the database has to keep. With ``--timed`` each line is ``ack N
SECONDS``: the longest either of the step's two writes took, waiting for the lock included.
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

from smtui.domain.clock import now
from smtui.domain.enums import InboxKind
from smtui.domain.inbox import InboxItem
from smtui.store import Store


def main(argv: list[str]) -> int:
    path, label, count = Path(argv[1]), argv[2], int(argv[3])
    timed = "--timed" in argv[4:]
    store, _result = Store.open(path, now)
    try:
        brand = store.brands.list()[0]
        assert brand.id is not None
        print("ready", flush=True)
        steps = itertools.count() if count == 0 else range(count)
        for step in steps:
            begun = time.monotonic()
            store.inbox.add(
                InboxItem(
                    brand_id=brand.id,
                    kind=InboxKind.COMMENT,
                    author_name=label,
                    text=f"{label} wrote item {step}",
                    received_at=now(),
                    external_id=f"{label}-{step}",
                )
            )
            added = time.monotonic()
            store.settings.set(f"{label}-{step}", str(step))
            longest = max(added - begun, time.monotonic() - added)
            print(f"ack {step} {longest:.3f}" if timed else f"ack {step}", flush=True)
        print("done", flush=True)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
