"""Nion Swift: drive the engine from Swift's Python console with the STEM controller and its scan device.

Paste into Window > Python Console (the engine on the same machine: ``scripts/stem-discovery serve``)::

    import sys; sys.path.insert(0, r"C:/stem-discovery/clients/python/examples")
    import nion_swift; report = nion_swift.run("http://127.0.0.1:8765", budget=100, patch=32, seed=0)

The survey is one frame at the scan's current size and field of view, at survey_dose x dwell per pixel. Each
point is a sub-scan of ``patch`` x ``patch`` pixels on the survey's pixels that the engine's patch covers, at the
point's dwell; the probe is parked on the point's fractional (y, x) -- the convention of
``stem_controller.probe_position`` -- before each sub-scan.
"""
import copy
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stem_discovery_client import Engine  # noqa: E402
from _drive import drive  # noqa: E402


def _grab(scan, frame_parameters, channel):
    """One frame with these parameters: the ``channel``-th enabled channel's data (2-D)."""
    scan.set_current_frame_parameters(frame_parameters)
    scan.start_playing()
    try:
        return scan.grab_next_to_finish()[channel].data
    finally:
        scan.stop_playing()


def run(engine_url, token=None, channel=0, **settings):
    from nion.utils import Geometry, Registry  # inside Swift only
    stem = Registry.get_component("stem_controller")
    scan = stem.scan_controller
    original = scan.get_current_frame_parameters()
    height, width = tuple(original.size)
    dwell = float(settings.get("dwell", 10.0))
    survey_dwell = float(settings.get("survey_dose", 0.05)) * dwell
    fp = copy.copy(original)
    fp.pixel_time_us = survey_dwell
    fp.subscan_pixel_size = fp.subscan_fractional_size = fp.subscan_fractional_center = None
    try:
        survey = _grab(scan, fp, channel)
        session = Engine(engine_url, token).start(survey, pixel_size_nm=fp.fov_nm / width,
                                                  survey_dwell_us=survey_dwell, **settings)
        print("session", session.id)

        def measure(p, left, top):
            # the engine's patch starts at a whole pixel of the survey; centre the sub-scan on those pixels
            n = p["patch"]
            stem.probe_position = Geometry.FloatPoint(y=p["fy"], x=p["fx"])
            sub = copy.copy(fp)
            sub.pixel_time_us = p["dwell_us"]
            sub.subscan_pixel_size = Geometry.IntSize(height=n, width=n)
            sub.subscan_fractional_size = Geometry.FloatSize(height=n / height, width=n / width)
            sub.subscan_fractional_center = Geometry.FloatPoint(y=(top + n / 2.0) / height, x=(left + n / 2.0) / width)
            return _grab(scan, sub, channel), {"x": left + (n - 1) / 2.0, "y": top + (n - 1) / 2.0}  # where it went

        report = drive(session, measure)
        print("measurements", report.get("measurements"), "electrons", report.get("electrons"))
        return report
    finally:
        scan.set_current_frame_parameters(original)
