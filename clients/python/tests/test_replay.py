"""The replay microscope: Poisson statistics at a dose, the noise-free formula, frame readers, the loop."""

import contextlib
import io
import math
import os
import shutil
import struct
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "examples"))

import replay_microscope as replay  # noqa: E402
from fake_engine import FakeEngine  # noqa: E402
from stem_discovery_client import _decode_array  # noqa: E402

E_PER_PA_US = 6.241509074


def two_level(rows=40, cols=40, dark=2.0, bright=7.0):
    """Left half dark, right half bright."""
    return [[dark if c < cols // 2 else bright for c in range(cols)] for r in range(rows)]


def write_float_tiff(path, rows, byteorder="<"):
    """An uncompressed single-strip 32-bit float TIFF, written with the standard library."""
    h, w = len(rows), len(rows[0])
    pixels = struct.pack(byteorder + "%df" % (w * h), *[v for r in rows for v in r])
    entries = [(256, 4, 1, w), (257, 4, 1, h), (258, 3, 1, 32), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 8 + 2 + 12 * 10 + 4), (277, 3, 1, 1), (278, 4, 1, h), (279, 4, 1, len(pixels)),
               (339, 3, 1, 3)]
    ifd = struct.pack(byteorder + "H", len(entries))
    for tag, typ, count, value in entries:
        v = struct.pack(byteorder + ("H2x" if typ == 3 else "I"), value)
        ifd += struct.pack(byteorder + "HHI", tag, typ, count) + v
    ifd += struct.pack(byteorder + "I", 0)
    mark = b"II" if byteorder == "<" else b"MM"
    with open(path, "wb") as f:
        f.write(mark + struct.pack(byteorder + "HI", 42, 8) + ifd + pixels)


class PoissonTest(unittest.TestCase):

    def test_mean_and_variance_at_a_dose_on_a_two_level_frame(self):
        for dwell in (1.0, 40.0):  # ~1.25 and ~50 counts at the bright level: both samplers
            scope = replay.ReplayMicroscope(two_level(), seed=3)
            frame = scope.survey(dwell)
            expected = 20 * dwell * E_PER_PA_US * 0.1
            dark = [v for r in frame for v in r[:20]]
            bright = [v for r in frame for v in r[20:]]
            self.assertEqual(set(dark), {0.0})
            n = len(bright)
            mean = sum(bright) / n
            var = sum((v - mean) ** 2 for v in bright) / (n - 1)
            self.assertLess(abs(mean - expected), 4 * math.sqrt(expected / n), (dwell, mean, expected))
            self.assertLess(abs(var / expected - 1), 4 * math.sqrt(2.0 / n) + 0.02, (dwell, var, expected))
            self.assertTrue(all(v == int(v) for v in bright))

    def test_same_seed_same_counts(self):
        a = replay.ReplayMicroscope(two_level(), seed=5).survey(2.0)
        b = replay.ReplayMicroscope(two_level(), seed=5).survey(2.0)
        c = replay.ReplayMicroscope(two_level(), seed=6).survey(2.0)
        self.assertEqual(a, b)
        self.assertNotEqual(a, c)


class NoiseFreeTest(unittest.TestCase):

    def test_expected_counts_are_dose_times_yield_times_contrast(self):
        frame = [[float((r * 7 + c * 3) % 11) - 4 for c in range(16)] for r in range(12)]
        lo, hi = min(min(r) for r in frame), max(max(r) for r in frame)
        scope = replay.ReplayMicroscope(frame, current_pa=35.0, detector_yield=0.2, noise_free=True)
        dwell = 3.5
        dose = 35.0 * dwell * E_PER_PA_US
        out = scope.survey(dwell)
        for r in range(12):
            for c in range(16):
                self.assertAlmostEqual(out[r][c], dose * 0.2 * (frame[r][c] - lo) / (hi - lo), delta=1e-9 * dose)
        self.assertAlmostEqual(scope.electrons, dose * 12 * 16, delta=1e-6 * dose)

    def test_patch_is_placed_as_the_engine_rounds_its_first_pixel(self):
        frame = [[float(c + 100 * r) for c in range(20)] for r in range(20)]
        scope = replay.ReplayMicroscope(frame, noise_free=True)
        full = scope.survey(10.0)
        for x, y, size, left, top in ((10.5, 6.5, 4, 9, 5), (10.0, 6.0, 4, 9, 5), (3.0, 4.0, 5, 1, 2)):
            got = scope.patch(x, y, size, 10.0)
            self.assertEqual(got, [row[left:left + size] for row in full[top:top + size]], (x, y, size))
        with self.assertRaises(ValueError):
            scope.patch(1.0, 1.0, 8, 10.0)
        with self.assertRaises(ValueError):
            replay.ReplayMicroscope([[1.0, 1.0], [1.0, 1.0]])


class ReaderTest(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_npy_float32_float64_uint16_round_trip(self):
        rows = [[0.5, -1.25, 3.0], [1e3, 2.0, 0.0]]
        for dtype, data in (("<f4", rows), ("<f8", [[0.1, 1.0 / 3, -7e-5], [1e300, 2.0, 0.0]]),
                            ("<u2", [[0, 1, 65535], [7, 8, 9]])):
            path = os.path.join(self.dir, "a%s.npy" % dtype[1:])
            replay.write_npy(path, data, dtype)
            with open(path, "rb") as f:
                head = f.read(10)
            self.assertEqual((10 + struct.unpack("<H", head[8:10])[0]) % 64, 0)
            self.assertEqual(replay.read_npy(path), [[float(v) for v in r] for r in data])
        try:
            import numpy as np
        except ImportError:
            return
        np.save(os.path.join(self.dir, "n.npy"), np.arange(6, dtype=np.float64).reshape(2, 3) / 8)
        self.assertEqual(replay.read_npy(os.path.join(self.dir, "n.npy")), [[0, .125, .25], [.375, .5, .625]])
        self.assertEqual(np.load(os.path.join(self.dir, "af4.npy")).tolist(), rows)

    def test_npy_refuses_other_files_and_3d_arrays(self):
        path = os.path.join(self.dir, "bad.npy")
        with open(path, "wb") as f:
            f.write(b"not a npy file")
        with self.assertRaises(ValueError):
            replay.read_npy(path)
        header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }".ljust(117) + "\n"
        with open(path, "wb") as f:
            f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + b"\0" * 32)
        with self.assertRaises(ValueError):
            replay.read_npy(path)

    def test_float_tiff_without_tifffile(self):
        rows = [[float(r * 5 + c) / 4 for c in range(5)] for r in range(3)]
        for bo in ("<", ">"):
            path = os.path.join(self.dir, "f%s.tif" % ("le" if bo == "<" else "be"))
            write_float_tiff(path, rows, bo)
            saved = sys.modules.get("tifffile")
            sys.modules["tifffile"] = None  # the stdlib reader, even where tifffile is installed
            try:
                self.assertEqual(replay.load_frame(path), rows)
            finally:
                if saved is None:
                    del sys.modules["tifffile"]
                else:
                    sys.modules["tifffile"] = saved


class LoopTest(unittest.TestCase):

    def test_run_surveys_at_survey_dose_and_measures_every_point(self):
        frame = [[float((r * 3 + c * 5) % 13) for c in range(24)] for r in range(20)]
        lines = []
        with FakeEngine([[(5.5, 6.5), (12.0, 9.0)], [(17.5, 13.5)]], patch=8, dwell_us=10.0) as fake:
            report = replay.run(fake.url, frame, noise_free=True, out=lines.append, dwell=10.0, survey_dose=0.05,
                                budget=3, batch=2, seed=1)
            create = fake.bodies("/sessions")[0]
            sent = [m for b in fake.bodies("/measurements") for m in b["measurements"]]
        self.assertEqual(create["survey_dwell_us"], 0.5)
        self.assertEqual(create["settings"], {"dwell": 10.0, "survey_dose": 0.05, "budget": 3, "batch": 2, "seed": 1})
        expected = replay.ReplayMicroscope(frame, noise_free=True)
        survey = _decode_array(create["survey"])
        for got, want in zip(survey, expected.survey(0.5)):
            for g, w in zip(got, want):
                self.assertAlmostEqual(g, w, delta=1e-6 * max(1.0, w))
        self.assertEqual([m["id"] for m in sent], [1, 2, 3])
        first = _decode_array(sent[0]["patch"])
        for got, want in zip(first, expected.patch(5.5, 6.5, 8, 10.0)):
            for g, w in zip(got, want):
                self.assertAlmostEqual(g, w, delta=1e-5 * max(1.0, w))
        self.assertEqual(report["measurements"], 3)
        self.assertIn("measurements 3", lines[-1])

    def test_command_line_passes_settings_through(self):
        path = os.path.join(tempfile.mkdtemp(), "frame.npy")
        replay.write_npy(path, two_level(24, 24), "<f4")
        with FakeEngine([[(11.5, 11.5)]], patch=8) as fake:
            with contextlib.redirect_stdout(io.StringIO()) as printed:
                replay.main([path, "--url", fake.url, "--budget", "1", "--kernel", "rbf", "--survey-dose", "0.1",
                             "--replay-seed", "4"])
            create = fake.bodies("/sessions")[0]
        shutil.rmtree(os.path.dirname(path))
        self.assertEqual(create["settings"], {"budget": 1, "kernel": "rbf", "survey_dose": 0.1})
        self.assertAlmostEqual(create["survey_dwell_us"], 1.0)
        self.assertIn("measurements 1", printed.getvalue())


if __name__ == "__main__":
    unittest.main()
