#!/usr/bin/env python3
"""A replay microscope: plays an instrument from one frame and drives the engine with it.

The frame (a ``.npy`` of little-endian float32/float64/uint16, or a TIFF) is the specimen's expected signal. Each
scan returns Poisson counts at the dose it asks for, exactly as the Java ``DigitalTwin`` with its defaults (no blur,
no read noise, no drift): dose per pixel = current (pA) x dwell (us) x 6.241509074 e/(pA us), expected counts =
dose x yield x (s - min) / (max - min). ``--noise-free`` returns the expected counts themselves.

    scripts/stem-discovery serve &
    python3 clients/python/examples/replay_microscope.py test-images/frame.npy --budget 40 --seed 0

Standard library only (``tifffile`` is used for TIFFs when importable; otherwise uncompressed single-plane 32-bit
float TIFFs are read by a small reader here).
"""

import argparse
import array
import ast
import math
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stem_discovery_client import Engine  # noqa: E402
from _drive import drive, origin  # noqa: E402

ELECTRONS_PER_PA_US = 1e-18 / 1.602176634e-19  # 6.241509074... as TwinSettings.ELECTRONS_PER_PA_US


# ---------------------------------------------------------------- frames

_NPY_TYPES = {"<f4": "f", "<f8": "d", "<u2": "H", "|u1": "B", "<i2": "h", "<i4": "i"}


def read_npy(path):
    """A 2-D ``.npy`` (format 1.0/2.0/3.0, C order, little-endian float32/float64/uint16) as a list of rows."""
    with open(path, "rb") as f:
        if f.read(6) != b"\x93NUMPY":
            raise ValueError("%s is not a .npy file" % path)
        major = f.read(2)[0]
        size = struct.unpack("<H" if major == 1 else "<I", f.read(2 if major == 1 else 4))[0]
        header = ast.literal_eval(f.read(size).decode("latin1"))
        descr, shape = header["descr"], tuple(header["shape"])
        if header.get("fortran_order"):
            raise ValueError("%s is in Fortran order; save it with np.save(path, np.ascontiguousarray(a))" % path)
        if descr not in _NPY_TYPES or len(shape) != 2:
            raise ValueError("%s holds a %s array of shape %s; a 2-D little-endian float32, float64 or uint16 array "
                             "is needed" % (path, descr, shape))
        flat = array.array(_NPY_TYPES[descr])
        flat.frombytes(f.read(shape[0] * shape[1] * flat.itemsize))
    if sys.byteorder == "big":
        flat.byteswap()
    rows, cols = shape
    if len(flat) != rows * cols:
        raise ValueError("%s is truncated" % path)
    return [[float(v) for v in flat[r * cols:(r + 1) * cols]] for r in range(rows)]


def write_npy(path, rows, dtype="<f4"):
    """Writes a list of rows as a 2-D ``.npy`` (format 1.0) with dtype ``<f4``, ``<f8`` or ``<u2``."""
    flat = array.array(_NPY_TYPES[dtype], [v for r in rows for v in r])
    if sys.byteorder == "big":
        flat.byteswap()
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%d, %d), }" % (dtype, len(rows), len(rows[0]))
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin1") + flat.tobytes())


def read_tiff(path):
    """A TIFF's first plane as a list of rows: through ``tifffile`` when importable, else uncompressed 32-bit float."""
    try:
        import tifffile
    except ImportError:
        tifffile = None
    if tifffile is not None:
        a = tifffile.imread(path)
        while a.ndim > 2:
            a = a[0]
        return [[float(v) for v in r] for r in a.tolist()]
    with open(path, "rb") as f:
        data = f.read()
    bo = {b"II": "<", b"MM": ">"}.get(data[:2])
    if bo is None or struct.unpack(bo + "H", data[2:4])[0] != 42:
        raise ValueError("%s is not a classic TIFF" % path)
    ifd = struct.unpack(bo + "I", data[4:8])[0]
    tags = {}
    for i in range(struct.unpack(bo + "H", data[ifd:ifd + 2])[0]):
        tag, typ, count, value = struct.unpack(bo + "HHI4s", data[ifd + 2 + 12 * i:ifd + 14 + 12 * i])
        fmt = {3: "H", 4: "I"}.get(typ)
        if fmt is None:
            continue
        n = struct.calcsize(fmt) * count
        raw = value[:n] if n <= 4 else data[struct.unpack(bo + "I", value)[0]:struct.unpack(bo + "I", value)[0] + n]
        tags[tag] = struct.unpack(bo + fmt * count, raw)
    width, height = tags[256][0], tags[257][0]
    bits, compression, fmt = tags.get(258, (1,))[0], tags.get(259, (1,))[0], tags.get(339, (1,))[0]
    if compression != 1 or bits != 32 or fmt != 3:
        raise ValueError("%s: only uncompressed 32-bit float TIFFs are read without tifffile (pip install tifffile)"
                         % path)
    pixels = b"".join(data[o:o + c] for o, c in zip(tags[273], tags[279]))
    flat = struct.unpack(bo + "%df" % (width * height), pixels[:4 * width * height])
    return [list(flat[r * width:(r + 1) * width]) for r in range(height)]


def load_frame(path):
    return read_npy(path) if path.lower().endswith(".npy") else read_tiff(path)


# ---------------------------------------------------------------- the instrument

def poisson(rng, lam):
    """One Poisson sample with mean ``lam`` from ``random.Random`` (Knuth below 30, Hoermann's PTRS above)."""
    if lam <= 0:
        return 0
    if lam < 30:
        limit, k, p = math.exp(-lam), 0, rng.random()
        while p > limit:
            k += 1
            p *= rng.random()
        return k
    slam, loglam = math.sqrt(lam), math.log(lam)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    inv_alpha, v_r = 1.1239 + 1.1328 / (b - 3.4), 0.9277 - 3.6224 / (b - 2)
    while True:
        u, v = rng.random() - 0.5, rng.random()
        us = 0.5 - abs(u)
        k = int(math.floor((2 * a / us + b) * u + lam + 0.43))
        if us >= 0.07 and v <= v_r:
            return k
        if k < 0 or (us < 0.013 and v > us):
            continue
        if math.log(v) + math.log(inv_alpha) - math.log(a / (us * us) + b) <= -lam + k * loglam - math.lgamma(k + 1):
            return k


class ReplayMicroscope(object):
    """An instrument whose specimen is ``frame`` (list of rows or 2-D array); scans cost dose, return counts."""

    def __init__(self, frame, current_pa=20.0, detector_yield=0.1, seed=0, noise_free=False):
        rows = [[float(v) for v in r] for r in frame]
        lo, hi = min(min(r) for r in rows), max(max(r) for r in rows)
        if not hi > lo:
            raise ValueError("the frame is constant; give an image with contrast")
        self.height, self.width = len(rows), len(rows[0])
        self.yield_map = [[detector_yield * (v - lo) / (hi - lo) for v in r] for r in rows]
        self.current_pa = float(current_pa)
        self.noise_free = noise_free
        self.rng = random.Random(seed)
        self.electrons = 0.0

    def dose(self, dwell_us):
        """Electrons per pixel at ``dwell_us``."""
        return self.current_pa * dwell_us * ELECTRONS_PER_PA_US

    def _scan(self, left, top, w, h, dwell_us):
        if dwell_us <= 0:
            raise ValueError("dwell %s us must be positive" % dwell_us)
        if left < 0 or top < 0 or left + w > self.width or top + h > self.height:
            raise ValueError("a %d x %d px scan at (%d, %d) does not fit the %d x %d px field"
                             % (w, h, left, top, self.width, self.height))
        d = self.dose(dwell_us)
        self.electrons += d * w * h
        sample = (lambda lam: lam) if self.noise_free else (lambda lam: float(poisson(self.rng, lam)))
        return [[sample(d * y) for y in r[left:left + w]] for r in self.yield_map[top:top + h]]

    def survey(self, dwell_us):
        """The whole field at ``dwell_us`` per pixel."""
        return self._scan(0, 0, self.width, self.height, dwell_us)

    def patch(self, x, y, size, dwell_us):
        """A ``size`` px square centred on (x, y) px, first pixel rounded as the engine's PatchRequest does."""
        left, top = origin({"x": x, "y": y, "patch": size})
        return self._scan(left, top, size, size, dwell_us)


# ---------------------------------------------------------------- the loop

SUMMARY_KEYS = ("target", "measurements", "electrons", "surveyElectrons", "doseVsFullRaster", "instrumentSeconds",
                "found", "features")


def run(engine_url, frame, token=None, noise_free=False, replay_seed=None, pixel_size_nm=None, out=print,
        **settings):
    """Survey at survey_dose x dwell, start a session, next/measure until the budget is spent; returns the report.

    ``settings`` are the experiment verb's options (``dwell``, ``survey_dose``, ``current``, ``yield``, ``seed``,
    ...); the replay reads ``current`` and ``yield`` from them as the digital twin does."""
    if isinstance(frame, str):
        frame = load_frame(frame)
    dwell = float(settings.get("dwell", 10.0))
    survey_dwell = float(settings.get("survey_dose", 0.05)) * dwell
    seed = settings.get("seed", 0) if replay_seed is None else replay_seed
    scope = ReplayMicroscope(frame, settings.get("current", 20.0), settings.get("yield", 0.1), seed, noise_free)
    session = Engine(engine_url, token).start(scope.survey(survey_dwell), pixel_size_nm=pixel_size_nm,
                                              survey_dwell_us=survey_dwell, **settings)
    out("session %s: %d x %d px survey at %.3g us" % (session.id, scope.width, scope.height, survey_dwell))
    report = drive(session, lambda p, left, top: scope.patch(p["x"], p["y"], p["patch"], p["dwell_us"]))
    out(", ".join("%s %s" % (k, report[k]) for k in SUMMARY_KEYS if k in report))
    return report


def _value(text):
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="Any other --name value is passed "
                                     "to the engine as the experiment setting name (e.g. --budget 40 --kernel rbf).")
    parser.add_argument("frame", help=".npy or .tif frame: the specimen's expected signal")
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("--token", default=os.environ.get("STEM_DISCOVERY_TOKEN"))
    parser.add_argument("--noise-free", action="store_true", help="return the expected counts (no Poisson noise)")
    parser.add_argument("--replay-seed", type=int, help="seed of the Poisson noise (default: the session's seed)")
    parser.add_argument("--pixel-size-nm", type=float)
    args, rest = parser.parse_known_args(argv)
    settings = {}
    while rest:
        name = rest.pop(0)
        if not name.startswith("--") or not rest:
            parser.error("settings come as --name value pairs; got %r" % name)
        settings[name[2:].replace("-", "_")] = _value(rest.pop(0))
    run(args.url, args.frame, token=args.token, noise_free=args.noise_free, replay_seed=args.replay_seed,
        pixel_size_nm=args.pixel_size_nm, **settings)


if __name__ == "__main__":
    main()
