"""Each vendor example runs its loop against a recording stub of the vendor API and the fake engine.

The stubs mirror the vendor calls the examples use (names, argument order, units); they answer with images whose
pixel values encode their position, so the tests can check which pixels each patch came from.
"""

import array
import contextlib
import io
import os
import sys
import types
import unittest
from collections import namedtuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "examples"))

from fake_engine import FakeEngine  # noqa: E402
from stem_discovery_client import _decode_array  # noqa: E402

SIZE = 64
PATCH = 8
DWELL = 10.0
BATCHES = [[(20.5, 30.5), (40.0, 12.0)], [(9.5, 50.5)]]
CORNERS = {1: (17, 27), 2: (37, 9), 3: (6, 47)}  # (left, top) as the engine rounds x - (patch - 1) / 2


def value(row, col):
    return float(row * 1000 + col)


def frame(rows, cols, top=0, left=0):
    return [[value(top + r, left + c) for c in range(cols)] for r in range(rows)]


@contextlib.contextmanager
def stub_modules(**modules):
    """Puts the stub modules into sys.modules (dotted names as a__b) and takes them out again."""
    names = dict((k.replace("__", "."), v) for k, v in modules.items())
    saved = dict((n, sys.modules.get(n)) for n in names)
    sys.modules.update(names)
    try:
        yield
    finally:
        for n, m in saved.items():
            if m is None:
                sys.modules.pop(n, None)
            else:
                sys.modules[n] = m


def module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    return m


class VendorTest(unittest.TestCase):

    def drive(self, run, **kwargs):
        """Runs an example's loop against the fake engine; returns (create body, measurements sent, points)."""
        with FakeEngine(BATCHES, patch=PATCH, dwell_us=DWELL) as fake:
            with contextlib.redirect_stdout(io.StringIO()):
                report = run(fake.url, budget=3, batch=2, seed=0, dwell=DWELL, **kwargs)
            create = fake.bodies("/sessions")[0]
            sent = [m for b in fake.bodies("/measurements") for m in b["measurements"]]
            points = [p for s in fake.sessions.values() for p in s["issued"].values()]
        self.assertEqual(report["measurements"], 3)
        self.assertEqual(sorted(m["id"] for m in sent), [1, 2, 3])
        for m in sent:
            self.assertEqual(m["patch"]["shape"], [PATCH, PATCH])
        return create, sent, sorted(points, key=lambda p: p["id"])

    def assert_patches_from_corners(self, sent, scale=1.0, offset=0.0):
        for m in sent:
            left, top = CORNERS[m["id"]]
            want = [[scale * v + offset for v in r] for r in frame(PATCH, PATCH, top, left)]
            self.assertEqual(_decode_array(m["patch"]), want, m["id"])


# ------------------------------------------------------------------ Nion Swift

FloatPoint = namedtuple("FloatPoint", "y x")
IntSize = namedtuple("IntSize", "height width")
FloatSize = namedtuple("FloatSize", "height width")


class NionFrameParameters(object):
    def __init__(self):
        self.size, self.fov_nm, self.pixel_time_us = IntSize(SIZE, SIZE), 6.4, 2.0
        self.subscan_pixel_size = self.subscan_fractional_size = self.subscan_fractional_center = None


class NionScan(object):
    def __init__(self, log):
        self.log, self.fp, self.playing = log, None, False
        self.original = NionFrameParameters()

    def get_current_frame_parameters(self):
        self.log.append(("get_current_frame_parameters",))
        return self.original

    def set_current_frame_parameters(self, fp):
        self.fp = fp
        self.log.append(("set_current_frame_parameters", fp.pixel_time_us, fp.subscan_pixel_size,
                         fp.subscan_fractional_size, fp.subscan_fractional_center))

    def start_playing(self):
        self.playing = True
        self.log.append(("start_playing",))

    def stop_playing(self):
        self.playing = False
        self.log.append(("stop_playing",))

    def grab_next_to_finish(self):
        assert self.playing, "grab_next_to_finish needs a playing scan"
        self.log.append(("grab_next_to_finish",))
        fp = self.fp
        if fp.subscan_pixel_size is None:
            return [types.SimpleNamespace(data=frame(SIZE, SIZE))]
        n = fp.subscan_pixel_size.height
        cy, cx = fp.subscan_fractional_center
        top, left = int(round(cy * SIZE - n / 2.0)), int(round(cx * SIZE - n / 2.0))
        return [types.SimpleNamespace(data=frame(n, n, top, left))]


class NionStem(object):
    def __init__(self, log):
        object.__setattr__(self, "log", log)
        object.__setattr__(self, "scan_controller", NionScan(log))

    def __setattr__(self, name, v):
        self.log.append(("set " + name, v))


class NionSwiftTest(VendorTest):

    def test_subscan_at_each_point_with_probe_parked_there(self):
        import nion_swift
        log = []
        stem = NionStem(log)
        registry = module("nion.utils.Registry", get_component=lambda name: stem if name == "stem_controller" else None)
        geometry = module("nion.utils.Geometry", FloatPoint=FloatPoint, IntSize=IntSize, FloatSize=FloatSize)
        utils = module("nion.utils", Registry=registry, Geometry=geometry)
        with stub_modules(nion=module("nion", utils=utils), nion__utils=utils, nion__utils__Registry=registry,
                          nion__utils__Geometry=geometry):
            create, sent, points = self.drive(nion_swift.run)
        self.assertEqual(create["survey_dwell_us"], 0.5)
        self.assertAlmostEqual(create["pixel_size_nm"], 0.1)
        self.assertEqual(_decode_array(create["survey"]), frame(SIZE, SIZE))
        sets = [e for e in log if e[0] == "set_current_frame_parameters"]
        self.assertEqual(sets[0], ("set_current_frame_parameters", 0.5, None, None, None))
        probes = [e[1] for e in log if e[0] == "set probe_position"]
        self.assertEqual(probes, [FloatPoint(p["fy"], p["fx"]) for p in points])
        subs = sets[1:-1]
        self.assertEqual(len(subs), 3)
        for s, p in zip(subs, points):
            self.assertEqual(s[1], DWELL)
            self.assertEqual(s[2], IntSize(PATCH, PATCH))
            self.assertEqual(s[3], FloatSize(PATCH / 64.0, PATCH / 64.0))
            left, top = CORNERS[p["id"]]
            self.assertEqual(s[4], FloatPoint((top + PATCH / 2.0) / 64, (left + PATCH / 2.0) / 64))
        self.assertIs(stem.scan_controller.fp, stem.scan_controller.original)  # frame parameters restored
        self.assertEqual(log.count(("start_playing",)), 4)
        self.assertEqual(log.count(("stop_playing",)), 4)
        self.assert_patches_from_corners(sent)
        self.assertEqual([(m["x"], m["y"]) for m in sent], [(20.5, 30.5), (40.5, 12.5), (9.5, 50.5)])


# ------------------------------------------------------------------ AutoScript

class Record(object):
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.__dict__.update(kwargs)


class AutoScriptOptics(object):
    def __init__(self, log):
        object.__setattr__(self, "log", log)
        object.__setattr__(self, "scan_field_of_view", 6.4e-9)

    def __setattr__(self, name, v):
        self.log.append(("optics." + name, list(v)))


class AutoScriptAcquisition(object):
    def __init__(self, log):
        self.log = log

    def acquire_stem_image(self, detector, size, dwell_time):
        self.log.append(("acquire_stem_image", detector, size, dwell_time))
        return types.SimpleNamespace(data=frame(size, size))

    def acquire_stem_images_advanced(self, settings):
        left, top, w, h = settings.region.args[1].args
        self.log.append(("acquire_stem_images_advanced", settings.region.args[0], (left, top, w, h),
                         settings.dwell_time, settings.detector_types, settings.size))
        n = int(round(w * settings.size))
        return [types.SimpleNamespace(data=frame(n, n, int(round(top * settings.size)),
                                                 int(round(left * settings.size))))]


class AutoScriptTest(VendorTest):

    def test_paused_beam_on_each_point_then_reduced_area_at_its_dwell(self):
        import autoscript
        log = []

        class Client(object):
            def __init__(self):
                self.optics, self.acquisition = AutoScriptOptics(log), AutoScriptAcquisition(log)

            def connect(self, *address):
                log.append(("connect",) + address)

        enums = module("autoscript_tem_microscope_client.enumerations",
                       DetectorType=types.SimpleNamespace(HAADF="HAADF", BF="BF"),
                       RegionCoordinateSystem=types.SimpleNamespace(RELATIVE="RELATIVE", ABSOLUTE="ABSOLUTE"))
        structs = module("autoscript_tem_microscope_client.structures", Rectangle=Record, Region=Record,
                         StemAcquisitionSettings=Record)
        with stub_modules(autoscript_tem_microscope_client=module("x", TemMicroscopeClient=Client),
                          autoscript_tem_microscope_client__enumerations=enums,
                          autoscript_tem_microscope_client__structures=structs):
            create, sent, points = self.drive(autoscript.run, ip="10.0.0.5", size=SIZE)
        self.assertEqual(log[0], ("connect", "10.0.0.5"))
        self.assertEqual(log[1], ("acquire_stem_image", "HAADF", SIZE, 0.5e-6))
        self.assertAlmostEqual(create["pixel_size_nm"], 0.1)
        pairs = log[2:]
        self.assertEqual(len(pairs), 6)
        for (park, scan), p in zip(zip(pairs[::2], pairs[1::2]), points):
            self.assertEqual(park, ("optics.paused_scan_beam_position", [p["fx"], p["fy"]]))
            left, top = CORNERS[p["id"]]
            self.assertEqual(scan[1], "RELATIVE")
            self.assertEqual(scan[2], (left / 64.0, top / 64.0, PATCH / 64.0, PATCH / 64.0))
            self.assertAlmostEqual(scan[3], DWELL * 1e-6)
            self.assertEqual((scan[4], scan[5]), (["HAADF"], SIZE))
        self.assert_patches_from_corners(sent)


# ------------------------------------------------------------------ PyJEM (mirrors PyJEM.offline)

class PyJEMDetector(object):
    full_frame_in_area_mode = False

    def __init__(self, name, log):
        self.name, self.log, self.mode, self.area = name, log, 0, None

    def __getattr__(self, name):  # set_* calls are recorded as they come
        if not name.startswith("set_"):
            raise AttributeError(name)

        def call(*args):
            self.log.append((name,) + args)
            if name == "set_scanmode":
                self.mode = args[0]
            if name == "set_areamode_imagingarea":
                self.area = args
        return call

    def snapshot_rawdata(self):
        self.log.append(("snapshot_rawdata",))
        if self.mode == 0 or self.full_frame_in_area_mode:
            rows = frame(SIZE, SIZE)
        else:
            w, h, x, y = self.area
            rows = frame(h, w, y, x)
        flat = array.array("H", [int(v) % 65536 for r in rows for v in r])
        if sys.byteorder == "big":
            flat.byteswap()
        return flat.tobytes()


def pyjem_modules(log, detector_cls):
    class Def3(object):
        def SetBeamBlank(self, on):
            log.append(("Def3.SetBeamBlank", on))

    class Scan3(object):
        def GetRotationAngle(self):
            log.append(("Scan3.GetRotationAngle",))
            return 90

    tem3 = module("PyJEM.offline.TEM3", Def3=Def3, Scan3=Scan3)
    det = module("PyJEM.offline.detector", Detector=lambda name: detector_cls(name, log))
    offline = module("PyJEM.offline", TEM3=tem3, detector=det)
    return dict(PyJEM=module("PyJEM", offline=offline), PyJEM__offline=offline, PyJEM__offline__TEM3=tem3,
                PyJEM__offline__detector=det)


class PyJEMTest(VendorTest):

    def check(self, detector_cls):
        import pyjem
        log = []
        with stub_modules(**pyjem_modules(log, detector_cls)):
            create, sent, points = self.drive(pyjem.run, offline=True, size=SIZE, pixel_size_nm=0.1)
        self.assertEqual(log[:5], [("Scan3.GetRotationAngle",), ("set_scanmode", 0), ("set_imaging_area", SIZE, SIZE),
                                   ("set_exposuretime_value", 0.5), ("Def3.SetBeamBlank", 0)])
        self.assertEqual(log[5:8], [("snapshot_rawdata",), ("Def3.SetBeamBlank", 1), ("set_scanmode", 1)])
        areas = [e for e in log if e[0] == "set_areamode_imagingarea"]
        self.assertEqual(areas, [("set_areamode_imagingarea", PATCH, PATCH) + CORNERS[p["id"]] for p in points])
        dwells = [e for e in log if e[0] == "set_exposuretime_value"][1:]
        self.assertEqual(dwells, [("set_exposuretime_value", DWELL)] * 3)
        self.assertEqual(log.count(("Def3.SetBeamBlank", 0)), log.count(("Def3.SetBeamBlank", 1)))
        self.assertEqual(log[-1], ("set_scanmode", 0))
        self.assert_patches_from_corners(sent)  # values < 65536 here, so uint16 keeps them

    def test_area_mode_scan_of_each_patch_with_the_beam_blanked_between(self):
        self.check(PyJEMDetector)

    def test_a_full_frame_answer_in_area_mode_is_cropped_to_the_patch(self):
        class FullFrame(PyJEMDetector):
            full_frame_in_area_mode = True
        self.check(FullFrame)


# ------------------------------------------------------------------ DigitalMicrograph

class DMImage(object):
    def __init__(self, log):
        self.log = log

    def GetID(self):
        return 7

    def GetNumArray(self):
        return frame(SIZE, SIZE)

    def GetTagGroup(self):
        tags = {"Horizontal DS Offset": 100.0, "Horizontal Image Center": 32.0, "Horizontal Spacing": 2.0,
                "Vertical DS Offset": 50.0, "Vertical Image Center": 32.0, "Vertical Spacing": 3.0}
        return [object(), types.SimpleNamespace(GetTagAsFloat=lambda name: (name in tags, tags.get(name, 0.0)))]


class DigitalMicrographTest(VendorTest):

    def test_digiscan_survey_then_beam_moved_to_every_patch_pixel(self):
        import digitalmicrograph
        log, beam = [], []

        def call(name, result=None):
            return lambda *args: (log.append((name,) + args), result)[1]
        dm = module("DigitalMicrograph", DS_GetScanControl=call("DS_GetScanControl"),
                    DS_CreateParameters=call("DS_CreateParameters", 11),
                    DS_SetParametersSignal=call("DS_SetParametersSignal"),
                    DS_StartAcquisition=call("DS_StartAcquisition"), DS_DeleteParameters=call("DS_DeleteParameters"),
                    DS_MoveBeamTo=lambda x, y: beam.append((x, y)), CreateImage=lambda a: DMImage(log))
        x0, y0 = 100.0 - 32 * 2.0, 50.0 - 32 * 3.0

        def read_point(dwell_us):
            self.assertEqual(dwell_us, DWELL)
            x, y = beam[-1]
            return value((y - y0) / 3.0, (x - x0) / 2.0)
        with stub_modules(DigitalMicrograph=dm):
            create, sent, points = self.drive(digitalmicrograph.run, read_point=read_point, size=SIZE)
        self.assertEqual(log[:5], [("DS_GetScanControl",), ("DS_CreateParameters", SIZE, SIZE, 0, 0.5, False),
                                   ("DS_SetParametersSignal", 11, 0, 4, True, 7), ("DS_StartAcquisition", 11, False,
                                                                                   True), ("DS_DeleteParameters", 11)])
        self.assertEqual(create["survey_dwell_us"], 0.5)
        self.assertEqual(len(beam), 3 * PATCH * PATCH)
        left, top = CORNERS[1]
        self.assertEqual(beam[0], (x0 + left * 2.0, y0 + top * 3.0))
        self.assert_patches_from_corners(sent)


# ------------------------------------------------------------------ DTMicroscope

class DTMicroscopeTest(VendorTest):

    def test_overview_survey_and_point_data_for_every_patch_pixel(self):
        import dtmicroscope
        log = []

        class Twin(object):
            def __init__(self, uri):
                log.append(("Proxy", uri))

            def initialize_microscope(self, kind):
                log.append(("initialize_microscope", kind))

            def register_data(self, path):
                log.append(("register_data", path))

            def get_overview_image(self):
                log.append(("get_overview_image",))
                return frame(SIZE, SIZE), (SIZE, SIZE), "float64"

            def get_point_data(self, key, row, col):
                log.append(("get_point_data", key, row, col))
                return [value(row, col) - 1.0, 1.0], (2,), "float64"  # a two-channel 'spectrum'

        api = module("Pyro5.api", Proxy=Twin)
        with stub_modules(Pyro5=module("Pyro5", api=api), Pyro5__api=api):
            create, sent, points = self.drive(dtmicroscope.run, data_path="data/test_stem.h5")
        self.assertEqual(log[:4], [("Proxy", "PYRO:microscope.server@localhost:9091"),
                                   ("initialize_microscope", "STEM"), ("register_data", "data/test_stem.h5"),
                                   ("get_overview_image",)])
        calls = [e for e in log if e[0] == "get_point_data"]
        self.assertEqual(len(calls), 3 * PATCH * PATCH)
        left, top = CORNERS[1]
        self.assertEqual(calls[0], ("get_point_data", "Channel_001", top, left))
        self.assertEqual(create["survey"]["dose"], 1.0)
        self.assertTrue(all(m["dose"] == 1.0 for m in sent))
        self.assert_patches_from_corners(sent)


if __name__ == "__main__":
    unittest.main()
