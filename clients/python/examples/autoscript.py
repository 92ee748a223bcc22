"""ThermoFisher AutoScript (TEM/STEM client): drive the engine from the microscope PC or a support PC.

    python autoscript.py            # or: import autoscript; autoscript.run("http://127.0.0.1:8765", ip="192.168.0.1")

The survey is ``acquire_stem_image`` of the whole field (``size`` px square) at survey_dose x dwell. For each point
the paused beam is parked on it (``optics.paused_scan_beam_position``, fractional x, y) and its patch is a
reduced-area scan (relative region of the same field, same pixel pitch) at the point's dwell. Needs
``autoscript_tem_microscope_client`` (installed with AutoScript TEM).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stem_discovery_client import Engine  # noqa: E402
from _drive import drive  # noqa: E402


def run(engine_url, token=None, ip="localhost", port=None, detector="HAADF", size=512, microscope=None, **settings):
    from autoscript_tem_microscope_client import TemMicroscopeClient
    from autoscript_tem_microscope_client.enumerations import DetectorType, RegionCoordinateSystem
    from autoscript_tem_microscope_client.structures import Rectangle, Region, StemAcquisitionSettings
    if microscope is None:
        microscope = TemMicroscopeClient()
        microscope.connect(ip) if port is None else microscope.connect(ip, port)
    det = getattr(DetectorType, detector)
    dwell = float(settings.get("dwell", 10.0))
    survey_dwell = float(settings.get("survey_dose", 0.05)) * dwell
    survey = microscope.acquisition.acquire_stem_image(det, size, survey_dwell * 1e-6).data
    pixel_size_nm = microscope.optics.scan_field_of_view * 1e9 / size
    session = Engine(engine_url, token).start(survey, pixel_size_nm=pixel_size_nm, survey_dwell_us=survey_dwell,
                                              **settings)
    print("session", session.id)

    def measure(p, left, top):
        n = p["patch"]
        microscope.optics.paused_scan_beam_position = [p["fx"], p["fy"]]
        region = Region(RegionCoordinateSystem.RELATIVE, Rectangle(left / size, top / size, n / size, n / size))
        acquisition = StemAcquisitionSettings(dwell_time=p["dwell_us"] * 1e-6, detector_types=[det], size=size,
                                              region=region, auto_beam_blank=True)
        return microscope.acquisition.acquire_stem_images_advanced(acquisition)[0].data

    report = drive(session, measure)
    print("measurements", report.get("measurements"), "electrons", report.get("electrons"))
    return report


if __name__ == "__main__":
    run(os.environ.get("STEM_DISCOVERY_URL", "http://127.0.0.1:8765"), os.environ.get("STEM_DISCOVERY_TOKEN"))
