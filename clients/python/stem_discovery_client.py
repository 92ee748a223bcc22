"""Client for the STEM Discovery microscope link (protocol v1, docs/PROTOCOL.md).

An instrument script takes the survey, hands it to the engine, asks where to measure next, measures there and
sends back what it measured. Standard library only; NumPy arrays are accepted (and used for speed) when NumPy is
importable, never required. Python >= 3.8.

Usage::

    from stem_discovery_client import Engine, EngineError
    engine = Engine("http://127.0.0.1:8765")                 # Engine(url, token="...") off loopback
    survey = scan_full_frame(dwell_us=0.5)                   # 2-D NumPy array or list of rows
    session = engine.start(survey, pixel_size_nm=0.0078, survey_dwell_us=0.5,
                           workflow="1", patch=32, budget=100, batch=10, seed=0)
    print("session", session.id)                             # keep it: Engine(url).resume(id) picks it up
    while True:
        points = session.next()                              # [] once the budget is spent
        if not points:
            break
        results = [(p["id"], scan_patch(p["fy"], p["fx"], p["patch"], p["dwell_us"])) for p in points]
        session.measure(results)                             # [(point id, 2-D patch), ...]
    report = session.report()                                # same record as `stem-discovery experiment`'s run.json

Settings: keyword arguments of ``Engine.start`` are the ``experiment`` verb's options with ``-`` written as ``_``
(``survey_dose``, ``atom_patch``, ``kernel``, ...). They go to the server as ``settings`` unchanged and are checked
there by the verb's own spec, so an unknown name or a value out of range comes back as an ``EngineError`` (400) that
names it. Two keywords are not settings but describe the survey itself (PROTOCOL.md, ``POST /v1/sessions``):
``survey_dwell_us=`` (the survey's dwell per pixel in us, sent as the request's ``survey_dwell_us``) and ``dose=``
(the survey's electrons per pixel, sent as the survey array's ``dose``). Give either when the survey was not taken
at ``survey_dose`` x ``dwell`` (5 % of the measurement dwell by default); with neither, the engine derives the
survey's dose from those settings and ``current``.

A measurement may also be ``(point_id, patch, extra)`` where ``extra`` is a dict with any of ``x``, ``y`` (where
the beam actually went, px) and ``dose`` (the patch's electrons per pixel); they are sent beside the patch.

Errors: an answer with a 4xx (or 5xx) status raises ``EngineError`` with ``.status`` and ``.reason`` (the server's
one-line ``error``); a 4xx leaves the session unchanged and usable. A server that cannot be reached raises
``EngineError`` with ``status`` None.
"""

import array
import base64
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

try:  # optional: faster encoding of large arrays
    import numpy as _np
except ImportError:  # pragma: no cover - exercised by the tests with NumPy hidden
    _np = None

__all__ = ["Engine", "Session", "EngineError"]
__version__ = "1.0"

PROTOCOL = 1


class EngineError(RuntimeError):
    """The engine refused a request (4xx) or failed (5xx); ``status`` is the HTTP status (None: no answer)."""

    def __init__(self, status, reason):
        self.status = status
        self.reason = reason
        RuntimeError.__init__(self, "%s: %s" % (status, reason) if status is not None else reason)


def _numpy_array(a):
    return _np is not None and isinstance(a, _np.ndarray)


def _encode_array(a, dose=None):
    """A 2-D array (NumPy or list of rows) as the protocol's base64 little-endian float32 object."""
    if _numpy_array(a):
        if a.ndim != 2:
            raise ValueError("an array must be 2-D (rows, cols); got shape %s" % (a.shape,))
        rows, cols = int(a.shape[0]), int(a.shape[1])
        raw = _np.ascontiguousarray(a, dtype="<f4").tobytes()
    else:
        rows_list = [list(r) for r in a]
        if not rows_list or not isinstance(rows_list[0], list):
            raise ValueError("an array must be a non-empty list of rows")
        rows, cols = len(rows_list), len(rows_list[0])
        flat = array.array("f")
        for i, r in enumerate(rows_list):
            if len(r) != cols:
                raise ValueError("row %d has %d values, row 0 has %d; every row must be as long" % (i, len(r), cols))
            flat.extend(float(v) for v in r)
        if sys.byteorder == "big":
            flat.byteswap()
        raw = flat.tobytes()
    if rows < 1 or cols < 1:
        raise ValueError("an array must have at least one row and one column")
    out = {"shape": [rows, cols], "dtype": "float32", "base64": base64.b64encode(raw).decode("ascii")}
    if dose is not None:
        out["dose"] = float(dose)
    return out


def _decode_array(obj):
    """The protocol's array object back to a list of rows of floats (for tests and tools)."""
    rows, cols = obj["shape"]
    if "data" in obj:
        return [[float(v) for v in r] for r in obj["data"]]
    if obj.get("dtype", "float32") != "float32":
        raise ValueError("only float32 arrays are defined in protocol v1")
    flat = array.array("f")
    flat.frombytes(base64.b64decode(obj["base64"]))
    if sys.byteorder == "big":
        flat.byteswap()
    if len(flat) != rows * cols:
        raise ValueError("%d values for shape %s" % (len(flat), obj["shape"]))
    return [list(flat[r * cols:(r + 1) * cols]) for r in range(rows)]


class Engine(object):
    """The engine at ``url`` (``http://host:port`` or ``.../v1``); ``token`` when the server requires one."""

    def __init__(self, url, token=None):
        url = url.rstrip("/")
        if not url.endswith("/v1"):
            url += "/v1"
        self.url = url
        self.token = token
        host = urllib.parse.urlsplit(url).hostname or ""
        # a loopback engine never goes through the http_proxy a lab machine may set for the outside world
        loopback = host in ("localhost", "::1") or host.startswith("127.")
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}) if loopback else
                                                   urllib.request.ProxyHandler())

    def _request(self, method, path, body=None):
        data = None
        headers = {"Accept": "application/json"}
        if body is not None:
            data = json.dumps(body, allow_nan=False).encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        req = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
        try:
            with self._opener.open(req) as resp:
                text = resp.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            raw = e.read().decode("utf-8", "replace")
            try:
                reason = json.loads(raw).get("error") or raw
            except (ValueError, AttributeError):
                reason = raw.strip() or e.reason
            raise EngineError(e.code, str(reason).splitlines()[0] if reason else str(e.reason))
        except urllib.error.URLError as e:
            raise EngineError(None, "cannot reach the engine at %s (%s); is `stem-discovery serve` running?"
                              % (self.url, e.reason))
        return json.loads(text) if text else {}

    def start(self, survey, pixel_size_nm=None, **settings):
        """Starts a session from a survey (2-D array); returns the ``Session``. See the module doc for keywords."""
        survey_dwell_us = settings.pop("survey_dwell_us", None)
        dose = settings.pop("dose", None)
        body = {"survey": _encode_array(survey, dose), "settings": settings}
        if survey_dwell_us is not None:
            body["survey_dwell_us"] = float(survey_dwell_us)
        if pixel_size_nm is not None:
            body["pixel_size_nm"] = float(pixel_size_nm)
        answer = self._request("POST", "/sessions", body)
        return Session(self, answer["id"], answer.get("status"))

    def resume(self, session_id):
        """The session ``session_id`` (e.g. after a restart of this script or of the server)."""
        session = Session(self, session_id)
        session.status()  # an unknown id raises EngineError(404) here rather than at the first next()
        return session


class Session(object):
    """One experiment on the engine; ``id`` names it."""

    def __init__(self, engine, session_id, status=None):
        self._engine = engine
        self.id = session_id
        self._status = status

    def _path(self, tail=""):
        return "/sessions/" + urllib.parse.quote(str(self.id), safe="") + tail

    def next(self):
        """The next batch of points (beam order), each a dict with ``id``, ``x``, ``y`` (px), ``x_nm``, ``y_nm``,
        ``fy``, ``fx``, ``patch``, ``dwell_us``; the same batch until all its points are measured; [] when done."""
        answer = self._engine._request("POST", self._path("/next"), {})
        return list(answer.get("points") or [])

    def measure(self, results):
        """Sends measurements: an iterable of ``(point_id, patch_2d)`` or ``(point_id, patch_2d, extra)``.
        Returns the answer (``accepted``, ``ignored``, ``step``, ``status``)."""
        measurements = []
        for item in results:
            point_id, patch = item[0], item[1]
            extra = dict(item[2]) if len(item) > 2 and item[2] else {}
            m = {"id": point_id, "patch": _encode_array(patch)}
            for key in ("x", "y", "dose"):
                if extra.get(key) is not None:
                    m[key] = float(extra[key])
            measurements.append(m)
        answer = self._engine._request("POST", self._path("/measurements"), {"measurements": measurements})
        self._status = answer.get("status", self._status)
        return answer

    def status(self):
        """``GET /v1/sessions/{id}``: state, measurements, budget, pending, steps, electrons, ..."""
        self._status = self._engine._request("GET", self._path())
        return self._status

    def report(self):
        """The experiment's report (run.json's record plus ``steps`` and ``points``)."""
        return self._engine._request("GET", self._path("/report"))

    def abort(self):
        """Ends the session; returns its status."""
        answer = self._engine._request("POST", self._path("/abort"), {})
        self._status = answer.get("status", self._status)
        return self._status

    def __repr__(self):
        return "Session(%r)" % (self.id,)
