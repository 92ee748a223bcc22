"""A minimal in-memory engine that speaks protocol v1 (docs/PROTOCOL.md) for the client's tests.

It issues fixed batches (positions given by the test), checks what the real server checks that matters to the
client (settings names, array shapes and values, issued ids, token), and records every request it gets.
"""

import json
import math
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from stem_discovery_client import _decode_array  # noqa: E402

# the experiment verb's option names (ExperimentParams.SPEC), '-' written as '_'
SETTINGS = {"workflow", "survey_dose", "patch", "spacing", "budget", "dwell", "current", "yield", "read_noise", "blur",
            "drift", "prior", "map", "method", "components", "k", "iterations", "max_iter", "latent", "epochs",
            "atoms", "atom_patch", "kernel", "length", "alpha", "noise", "acquisition", "parameter", "goal", "batch",
            "batching", "exclusion", "path", "travel", "seed", "pixel_size", "truth_class", "survey_training",
            "retrain_every", "retrain_epochs", "threads"}


class _Server(ThreadingMixIn, HTTPServer):
    daemon_threads = True


class FakeEngine(object):
    """``batches``: a list of batches, each a list of (x, y) px; every point gets ``patch`` and ``dwell_us``."""

    def __init__(self, batches, patch=8, dwell_us=10.0, token=None):
        self.batches = batches
        self.patch = patch
        self.dwell_us = dwell_us
        self.token = token
        self.requests = []  # (method, path, headers dict, body or None)
        self.sessions = {}
        self.lock = threading.Lock()
        engine = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                engine._handle(self, "GET")

            def do_POST(self):
                engine._handle(self, "POST")

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def bodies(self, suffix):
        """Bodies of the POSTs whose path ends with ``suffix``."""
        return [b for (m, p, h, b) in self.requests if m == "POST" and p.endswith(suffix)]

    # ------------------------------------------------------------ protocol

    def _handle(self, h, method):
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length) if length else b""
        try:
            body = json.loads(raw.decode("utf-8")) if raw else None
        except ValueError:
            body = "<malformed>"
        with self.lock:
            self.requests.append((method, h.path, dict(h.headers), body))
            status, answer = self._route(method, h.path, h.headers, body)
        data = json.dumps(answer).encode("utf-8")
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    def _route(self, method, path, headers, body):
        if self.token and headers.get("Authorization") != "Bearer " + self.token:
            return 401, {"error": "this server needs a token: send Authorization: Bearer <token>"}
        if body == "<malformed>":
            return 400, {"error": "malformed JSON body"}
        parts = path.strip("/").split("/")
        if parts[:1] != ["v1"]:
            return 404, {"error": "no such path " + path}
        parts = parts[1:]
        if parts == ["health"] and method == "GET":
            return 200, {"protocol": 1, "version": "fake"}
        if parts == ["sessions"] and method == "POST":
            return self._create(body)
        if len(parts) >= 2 and parts[0] == "sessions":
            s = self.sessions.get(parts[1])
            if s is None:
                return 404, {"error": "no session %s; list the journal directory for the ids" % parts[1]}
            tail = parts[2:]
            if tail == [] and method == "GET":
                return 200, self._status(s)
            if tail == ["report"] and method == "GET":
                return 200, {"measurements": len(s["measured"]), "target": "fake",
                             "points": [dict(id=i, value=v) for i, v in sorted(s["measured"].items())]}
            if tail == ["abort"] and method == "POST":
                s["state"] = "aborted"
                return 200, {"status": self._status(s)}
            if tail == ["next"] and method == "POST":
                return self._next(s)
            if tail == ["measurements"] and method == "POST":
                return self._measure(s, body)
        return 404, {"error": "no such path " + path}

    def _create(self, body):
        if not isinstance(body, dict) or "survey" not in body:
            return 400, {"error": "missing field survey"}
        settings = body.get("settings") or {}
        for name in settings:
            if name not in SETTINGS:
                return 400, {"error": "unknown setting %s; see `stem-discovery experiment --help`" % name}
        try:
            survey = _decode_array(body["survey"])
        except (KeyError, ValueError, TypeError) as e:
            return 422, {"error": "survey: %s" % e}
        sid = "s%d" % (len(self.sessions) + 1)
        self.sessions[sid] = dict(id=sid, state="open", survey=survey, body=body, batch=0, issued={}, measured={},
                                  budget=sum(len(b) for b in self.batches))
        return 201, {"id": sid, "status": self._status(self.sessions[sid])}

    def _points(self, s, k):
        rows, cols = len(s["survey"]), len(s["survey"][0])
        px = s["body"].get("pixel_size_nm")
        out = []
        for order, (x, y) in enumerate(self.batches[k]):
            pid = 1 + sum(len(b) for b in self.batches[:k]) + order
            out.append({"id": pid, "order": order, "x": x, "y": y, "x_nm": None if px is None else x * px,
                        "y_nm": None if px is None else y * px, "fy": (y + 0.5) / rows, "fx": (x + 0.5) / cols,
                        "patch": self.patch, "dwell_us": self.dwell_us})
        return out

    def _next(self, s):
        if s["state"] != "open":
            return 409, {"error": "session %s is %s" % (s["id"], s["state"])}
        if s["batch"] >= len(self.batches):
            s["state"] = "done"
            return 200, {"points": [], "done": True, "estimated_seconds": 0, "estimated_electrons": 0}
        points = self._points(s, s["batch"])
        for p in points:
            s["issued"][p["id"]] = p
        return 200, {"points": points, "done": False, "estimated_seconds": 0.1, "estimated_electrons": 1e6}

    def _measure(self, s, body):
        if s["state"] != "open":
            return 409, {"error": "session %s is %s" % (s["id"], s["state"])}
        ms = (body or {}).get("measurements")
        if not isinstance(ms, list):
            return 400, {"error": "missing field measurements"}
        decoded = []
        for m in ms:
            if m.get("id") not in s["issued"]:
                return 409, {"error": "point %s was not issued by session %s" % (m.get("id"), s["id"])}
            try:
                patch = _decode_array(m["patch"])
            except (KeyError, ValueError, TypeError) as e:
                return 422, {"error": "patch of point %s: %s" % (m.get("id"), e)}
            if m["patch"]["shape"] != [self.patch, self.patch]:
                return 422, {"error": "patch of point %s is %s; expected [%d, %d]" % (m["id"], m["patch"]["shape"],
                                                                                    self.patch, self.patch)}
            if any(math.isnan(v) or math.isinf(v) for r in patch for v in r):
                return 422, {"error": "patch of point %s has NaN or infinite values" % m["id"]}
            decoded.append((m["id"], sum(sum(r) for r in patch) / float(self.patch * self.patch)))
        accepted, ignored = [], []
        for pid, value in decoded:
            (ignored if pid in s["measured"] else accepted).append(pid)
            s["measured"].setdefault(pid, value)
        step = None
        batch_ids = [p["id"] for p in self._points(s, s["batch"])] if s["batch"] < len(self.batches) else []
        if batch_ids and all(i in s["measured"] for i in batch_ids):
            step = {"step": s["batch"], "measurements": len(s["measured"])}
            s["batch"] += 1
        return 200, {"accepted": accepted, "ignored": ignored, "step": step, "status": self._status(s)}

    def _status(self, s):
        return {"id": s["id"], "state": s["state"], "measurements": len(s["measured"]), "budget": s["budget"],
                "pending": len(s["issued"]) - len(s["measured"]), "steps": s["batch"], "electrons": 0.0,
                "target": "fake", "workflow": (s["body"].get("settings") or {}).get("workflow", "1")}
