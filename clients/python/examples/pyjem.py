"""JEOL PyJEM: drive the engine from the TEM Center PC (``offline=True`` runs against ``PyJEM.offline``).

    import pyjem; pyjem.run("http://127.0.0.1:8765", detector_name="ADF1", size=512, pixel_size_nm=0.02)

The survey is the STEM detector's full scan (``size`` px square) at survey_dose x dwell (``Detector``'s exposure
time is the pixel dwell in us). Each point is an Area-mode scan of its patch (``set_areamode_imagingarea``) at the
point's dwell; the beam is blanked (``TEM3.Def3``) between scans, and the scan rotation (``TEM3.Scan3``) is checked
not to change, since points are given in the survey's frame.
"""
import array
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stem_discovery_client import Engine  # noqa: E402
from _drive import drive  # noqa: E402


def _image(raw, rows, cols, left=0, top=0, n=None):
    """Detector raw data (little-endian uint16) as rows; a full frame is cropped to the patch when ``n``."""
    flat = array.array("H")
    flat.frombytes(bytes(raw))
    if sys.byteorder == "big":
        flat.byteswap()
    if n is not None and len(flat) == n * n:
        return [list(flat[r * n:(r + 1) * n]) for r in range(n)]
    image = [list(flat[r * cols:(r + 1) * cols]) for r in range(rows)]
    return image if n is None else [row[left:left + n] for row in image[top:top + n]]


def _scan(deflector, detector):
    deflector.SetBeamBlank(0)
    try:
        return detector.snapshot_rawdata()
    finally:
        deflector.SetBeamBlank(1)


def run(engine_url, token=None, detector_name="ADF1", size=512, pixel_size_nm=None, offline=False, **settings):
    if offline:
        from PyJEM.offline import TEM3, detector
    else:
        from PyJEM import TEM3, detector
    deflector, scanner, det = TEM3.Def3(), TEM3.Scan3(), detector.Detector(detector_name)
    rotation = scanner.GetRotationAngle()
    dwell = float(settings.get("dwell", 10.0))
    survey_dwell = float(settings.get("survey_dose", 0.05)) * dwell
    det.set_scanmode(0)
    det.set_imaging_area(size, size)
    det.set_exposuretime_value(survey_dwell)
    survey = _image(_scan(deflector, det), size, size)
    session = Engine(engine_url, token).start(survey, pixel_size_nm=pixel_size_nm, survey_dwell_us=survey_dwell,
                                              **settings)
    print("session", session.id)
    det.set_scanmode(1)

    def unchanged(points):
        if scanner.GetRotationAngle() != rotation:
            raise RuntimeError("the scan rotation changed since the survey; the session's points no longer apply")

    def measure(p, left, top):
        n = p["patch"]
        det.set_areamode_imagingarea(n, n, left, top)
        det.set_exposuretime_value(p["dwell_us"])
        return _image(_scan(deflector, det), size, size, left, top, n)

    report = drive(session, measure, unchanged)
    det.set_scanmode(0)
    print("measurements", report.get("measurements"), "electrons", report.get("electrons"))
    return report
