"""Gatan DigitalMicrograph (GMS >= 3.4 Python, DigiScan): drive the engine from a DM Python script window.

    import sys; sys.path.insert(0, r"C:/stem-discovery/clients/python/examples")
    import digitalmicrograph
    report = digitalmicrograph.run("http://127.0.0.1:8765", read_point=my_detector_reading, budget=50)

The survey is a DigiScan frame (``size`` px square) at survey_dose x dwell, read with ``GetNumArray``; its
DigiScan tags give the beam coordinates of every pixel. DigiScan's Python commands scan whole frames only, so each
patch is measured point by point: ``DS_MoveBeamTo`` each pixel, then ``read_point(dwell_us)`` -- a function of
your set-up that holds the beam there for the dwell and returns the detector's value (e.g. a DM-script call
through ``DM.ExecuteScriptString``, or your detector's own API).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stem_discovery_client import Engine  # noqa: E402
from _drive import drive  # noqa: E402

DS_TAGS = ("Horizontal DS Offset", "Horizontal Image Center", "Horizontal Spacing",
           "Vertical DS Offset", "Vertical Image Center", "Vertical Spacing")


def _ds_frame(DM, image):
    """(x0, y0, dx, dy): DigiScan coordinates of pixel (0, 0) and per pixel, from the DigiScan tag group."""
    for group in image.GetTagGroup():
        found, _ = group.GetTagAsFloat(DS_TAGS[0]) if hasattr(group, "GetTagAsFloat") else (False, 0)
        if found:
            hx, cx, dx, hy, cy, dy = [group.GetTagAsFloat(t)[1] for t in DS_TAGS]
            return hx - cx * dx, hy - cy * dy, dx, dy
    raise RuntimeError("the survey has no DigiScan tags; acquire it with DigiScan")


def run(engine_url, read_point, token=None, size=512, signal=0, pixel_size_nm=None, **settings):
    import DigitalMicrograph as DM  # inside GMS only
    dwell = float(settings.get("dwell", 10.0))
    survey_dwell = float(settings.get("survey_dose", 0.05)) * dwell
    DM.DS_GetScanControl()
    params = DM.DS_CreateParameters(size, size, 0, survey_dwell, False)
    try:
        import numpy
        blank = numpy.zeros((size, size), dtype="float32")
    except ImportError:  # GMS always has NumPy; this is for running against a stub
        blank = [[0.0] * size for _ in range(size)]
    image = DM.CreateImage(blank)
    DM.DS_SetParametersSignal(params, signal, 4, True, image.GetID())
    DM.DS_StartAcquisition(params, False, True)
    DM.DS_DeleteParameters(params)
    survey = image.GetNumArray()
    x0, y0, dx, dy = _ds_frame(DM, image)
    session = Engine(engine_url, token).start(survey, pixel_size_nm=pixel_size_nm, survey_dwell_us=survey_dwell,
                                              **settings)
    print("session", session.id)

    def measure(p, left, top):
        n = p["patch"]
        patch = []
        for row in range(top, top + n):
            values = []
            for col in range(left, left + n):
                DM.DS_MoveBeamTo(x0 + col * dx, y0 + row * dy)
                values.append(float(read_point(p["dwell_us"])))
            patch.append(values)
        return patch

    report = drive(session, measure)
    print("measurements", report.get("measurements"), "electrons", report.get("electrons"))
    return report
