"""The loop every instrument example runs against the engine, written once.

``drive(session, measure)`` asks for batches until the budget is spent and hands each point to ``measure(point,
left, top)``, which scans the patch and returns it (or ``(patch, extra)`` with the actual ``x``, ``y`` or ``dose``).
``origin(point)`` is the patch's first column and row, rounded as the engine's own patch request rounds them, so
the instrument scans exactly the pixels the engine means.
"""

import math


def origin(point):
    """First column and row of the ``patch`` px square centred on (``x``, ``y``), as the engine rounds them."""
    n = point["patch"]
    return (int(math.floor(point["x"] - (n - 1) / 2.0 + 0.5)), int(math.floor(point["y"] - (n - 1) / 2.0 + 0.5)))


def drive(session, measure, before_batch=None):
    """``next``/``measure`` until ``next`` comes back empty; returns the session's report.

    ``before_batch(points)`` (optional) runs before each batch is scanned, e.g. to check the instrument's state."""
    while True:
        points = session.next()
        if not points:
            return session.report()
        if before_batch is not None:
            before_batch(points)
        results = []
        for p in points:
            left, top = origin(p)
            scanned = measure(p, left, top)
            results.append((p["id"],) + (scanned if isinstance(scanned, tuple) else (scanned,)))
        session.measure(results)
