"""The concurrency suite: racing requests on separate connections, on PostgreSQL (row locks are what is tested).

Requests race from threads, each through the real app with its own session and connection; a barrier starts
them together so that their transactions overlap.
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.api.conftest import assignment, course, instructor, lms, parts  # noqa: F401 - fixtures


def race(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls at the same moment, each in its own thread; their results in order."""
    barrier = threading.Barrier(len(calls))

    def start(call: Callable[[], Any]) -> Any:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as threads:
        return list(threads.map(start, calls))
