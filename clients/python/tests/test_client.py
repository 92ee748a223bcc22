"""The client's encoding and errors against the in-memory fake engine (stdlib only; NumPy cases when present)."""

import base64
import os
import struct
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, ".."))

import stem_discovery_client as client  # noqa: E402
from stem_discovery_client import Engine, EngineError  # noqa: E402
from fake_engine import FakeEngine  # noqa: E402

try:
    import numpy as np
except ImportError:
    np = None

SURVEY = [[float(r * 10 + c) + 0.25 for c in range(12)] for r in range(10)]  # float32-exact values
BATCHES = [[(3.5, 4.5), (7.0, 5.0)], [(5.5, 3.5)]]


def raw_floats(obj):
    """The little-endian float32 values of a protocol array, decoded here independently of the client."""
    raw = base64.b64decode(obj["base64"])
    return list(struct.unpack("<%df" % (len(raw) // 4), raw))


def patch(value, size=4):
    return [[float(value)] * size for _ in range(size)]


class EncodingTest(unittest.TestCase):

    def test_list_survey_is_base64_little_endian_float32_with_shape(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            Engine(fake.url).start(SURVEY)
            sent = fake.bodies("/sessions")[0]["survey"]
        self.assertEqual(sent["shape"], [10, 12])
        self.assertEqual(sent["dtype"], "float32")
        self.assertEqual(raw_floats(sent), [v for r in SURVEY for v in r])
        self.assertEqual(client._decode_array(sent), SURVEY)

    def test_list_path_without_numpy_module(self):
        saved, client._np = client._np, None
        try:
            enc = client._encode_array([[1, 2, 3], [4.5, -6, 7e-3]])
        finally:
            client._np = saved
        self.assertEqual(enc["shape"], [2, 3])
        self.assertEqual(raw_floats(enc), list(struct.unpack("<6f", struct.pack("<6f", 1, 2, 3, 4.5, -6, 7e-3))))

    def test_ragged_and_empty_arrays_are_refused_before_sending(self):
        with self.assertRaises(ValueError):
            client._encode_array([[1, 2], [3]])
        with self.assertRaises(ValueError):
            client._encode_array([])

    @unittest.skipIf(np is None, "NumPy not installed")
    def test_numpy_arrays_of_any_dtype_and_layout(self):
        a = np.arange(120, dtype=np.float64).reshape(10, 12) / 4.0
        for arr in (a, a.astype(np.uint16), a.astype(">f4"), np.asfortranarray(a), a.T.copy().T):
            enc = client._encode_array(arr)
            self.assertEqual(enc["shape"], [10, 12])
            self.assertEqual(raw_floats(enc), [float(v) for v in arr.astype(np.float32).ravel()])
        self.assertEqual(client._encode_array(a[:, ::3])["shape"], [10, 4])
        with self.assertRaises(ValueError):
            client._encode_array(np.zeros((2, 3, 4)))

    @unittest.skipIf(np is None, "NumPy not installed")
    def test_numpy_and_list_inputs_send_the_same_bytes(self):
        self.assertEqual(client._encode_array(np.array(SURVEY)), client._encode_array(SURVEY))


class SessionTest(unittest.TestCase):

    def test_settings_pass_through_with_underscore_names_and_survey_fields(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            Engine(fake.url + "/v1/").start(SURVEY, pixel_size_nm=0.5, survey_dwell_us=0.5, dose=3.1,
                                            workflow="2", survey_dose=0.05, atom_patch=16, retrain_every=2,
                                            kernel="matern52", seed=7)
            body = fake.bodies("/sessions")[0]
        self.assertEqual(body["settings"], {"workflow": "2", "survey_dose": 0.05, "atom_patch": 16,
                                            "retrain_every": 2, "kernel": "matern52", "seed": 7})
        self.assertEqual(body["survey_dwell_us"], 0.5)
        self.assertEqual(body["pixel_size_nm"], 0.5)
        self.assertEqual(body["survey"]["dose"], 3.1)

    def test_loop_next_measure_until_empty(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            session = Engine(fake.url).start(SURVEY, pixel_size_nm=0.5)
            seen = []
            while True:
                points = session.next()
                if not points:
                    break
                for p in points:
                    for key in ("id", "x", "y", "x_nm", "y_nm", "fy", "fx", "patch", "dwell_us"):
                        self.assertIn(key, p)
                seen.extend(points)
                answer = session.measure([(p["id"], patch(p["id"])) for p in points])
                self.assertEqual(answer["accepted"], [p["id"] for p in points])
            self.assertEqual([p["id"] for p in seen], [1, 2, 3])
            self.assertAlmostEqual(seen[0]["fx"], (3.5 + 0.5) / 12)
            self.assertAlmostEqual(seen[0]["x_nm"], 1.75)
            self.assertEqual(session.status()["measurements"], 3)
            self.assertEqual(session.report()["measurements"], 3)
            sent = fake.bodies("/measurements")[0]["measurements"][1]
        self.assertEqual(sent["patch"]["shape"], [4, 4])
        self.assertEqual(raw_floats(sent["patch"]), [2.0] * 16)

    def test_measure_sends_actual_position_and_dose_when_given(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            session = Engine(fake.url).start(SURVEY)
            points = session.next()
            session.measure([(points[0]["id"], patch(1), {"x": 3.6, "y": 4.4, "dose": 12.5}),
                             (points[1]["id"], patch(2))])
            sent = fake.bodies("/measurements")[0]["measurements"]
        self.assertEqual((sent[0]["x"], sent[0]["y"], sent[0]["dose"]), (3.6, 4.4, 12.5))
        self.assertNotIn("dose", sent[1])
        self.assertNotIn("x", sent[1])

    def test_repeated_measurement_is_ignored_not_refused(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            session = Engine(fake.url).start(SURVEY)
            p = session.next()[0]
            session.measure([(p["id"], patch(1))])
            self.assertEqual(session.measure([(p["id"], patch(1))])["ignored"], [p["id"]])

    def test_resume_finds_the_session_and_refuses_an_unknown_id(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            engine = Engine(fake.url)
            first = engine.start(SURVEY)
            again = engine.resume(first.id)
            self.assertEqual(again.id, first.id)
            self.assertEqual([p["id"] for p in again.next()], [1, 2])
            with self.assertRaises(EngineError) as cm:
                engine.resume("nope")
        self.assertEqual(cm.exception.status, 404)

    def test_abort_then_next_is_409(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            session = Engine(fake.url).start(SURVEY)
            self.assertEqual(session.abort()["state"], "aborted")
            with self.assertRaises(EngineError) as cm:
                session.next()
        self.assertEqual(cm.exception.status, 409)


class ErrorTest(unittest.TestCase):

    def test_unknown_setting_is_a_400_engine_error_with_the_reason(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            with self.assertRaises(EngineError) as cm:
                Engine(fake.url).start(SURVEY, budgett=10)
        e = cm.exception
        self.assertIsInstance(e, RuntimeError)
        self.assertEqual(e.status, 400)
        self.assertIn("unknown setting budgett", e.reason)
        self.assertIn("budgett", str(e))

    def test_unissued_point_is_409_and_the_session_stays_usable(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            session = Engine(fake.url).start(SURVEY)
            points = session.next()
            with self.assertRaises(EngineError) as cm:
                session.measure([(99, patch(1))])
            self.assertEqual(cm.exception.status, 409)
            self.assertIn("99", cm.exception.reason)
            self.assertEqual(session.next(), points)
            session.measure([(p["id"], patch(1)) for p in points])
            self.assertEqual(session.status()["measurements"], 2)

    def test_wrong_shape_and_nan_patches_are_422(self):
        with FakeEngine(BATCHES, patch=4) as fake:
            session = Engine(fake.url).start(SURVEY)
            p = session.next()[0]
            for bad in (patch(1, size=3), [[float("nan")] * 4] * 4):
                with self.assertRaises(EngineError) as cm:
                    session.measure([(p["id"], bad)])
                self.assertEqual(cm.exception.status, 422)

    def test_token_is_sent_as_bearer_and_missing_token_is_401(self):
        with FakeEngine(BATCHES, patch=4, token="s3cret") as fake:
            Engine(fake.url, token="s3cret").start(SURVEY)
            self.assertEqual(fake.requests[-1][2].get("Authorization"), "Bearer s3cret")
            with self.assertRaises(EngineError) as cm:
                Engine(fake.url).start(SURVEY)
        self.assertEqual(cm.exception.status, 401)
        self.assertIn("token", cm.exception.reason)

    def test_unreachable_server_is_an_engine_error_without_status(self):
        with FakeEngine(BATCHES) as fake:
            url = fake.url
        with self.assertRaises(EngineError) as cm:
            Engine(url).resume("s1")
        self.assertIsNone(cm.exception.status)
        self.assertIn("serve", cm.exception.reason)


@unittest.skipIf(os.environ.get("STEM_DISCOVERY_NO_NUMPY_RUN"), "already the run without NumPy")
class WithoutNumpyTest(unittest.TestCase):

    def test_the_client_tests_pass_with_numpy_hidden(self):
        # Debian's python3 may or may not carry NumPy: rerun this file with ``import numpy`` failing
        code = ("import sys, unittest; sys.modules['numpy'] = None; sys.path[:0] = [%r, %r]; "
                "import stem_discovery_client as c; assert c._np is None; "
                "sys.exit(not unittest.main(module='test_client', argv=['x'], exit=False).result.wasSuccessful())"
                % (HERE, os.path.dirname(HERE)))
        env = dict(os.environ, STEM_DISCOVERY_NO_NUMPY_RUN="1")
        proc = subprocess.run([sys.executable, "-c", code], cwd=HERE, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, universal_newlines=True)
        self.assertEqual(proc.returncode, 0, proc.stdout[-3000:])


if __name__ == "__main__":
    unittest.main()
