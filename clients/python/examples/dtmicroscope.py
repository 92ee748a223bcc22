"""pycroscopy DTMicroscope: run the engine against its STEM digital twin (a Pyro5 server of recorded data).

    python -m DTMicroscope.server.server_stem &          # the twin, PYRO:microscope.server@localhost:9091
    python dtmicroscope.py data/test_stem.h5 --budget 30  # or import dtmicroscope; dtmicroscope.run(url, ...)

The survey is ``get_overview_image()``. Each patch pixel is ``get_point_data(spectrum_key, row, col)`` (the twin
indexes its arrays [row][col], top left (0, 0)) reduced to one number by ``scalarize`` (default: the spectrum's
sum, a total-counts signal). The overview and the reduced spectra must show comparable contrast for the model
fitted on the survey to read the patches; ``survey_from_points=True`` builds the survey from the same reduced
spectra instead (one call per pixel). The twin has no dose: the survey and every patch are sent with dose 1, so
the engine compares their values as recorded.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stem_discovery_client import Engine  # noqa: E402
from _drive import drive  # noqa: E402


def _rows(values, shape):
    """A Pyro-serialised array (nested lists, shape) as a list of rows (2-D) or a flat list."""
    if len(shape) == 2 and values and not isinstance(values[0], list):
        return [values[r * shape[1]:(r + 1) * shape[1]] for r in range(shape[0])]
    return values


def _flatten(values):
    return [v for x in values for v in _flatten(x)] if isinstance(values, (list, tuple)) else [values]


def run(engine_url, data_path=None, token=None, uri="PYRO:microscope.server@localhost:9091",
        spectrum_key="Channel_001", scalarize=sum, survey_from_points=False, pixel_size_nm=None, **settings):
    import Pyro5.api
    twin = Pyro5.api.Proxy(uri)
    if data_path is not None:
        twin.initialize_microscope("STEM")
        twin.register_data(data_path)

    def point(row, col):
        values, shape, _ = twin.get_point_data(spectrum_key, row, col)
        return float(scalarize(_flatten(values)))

    values, shape, _ = twin.get_overview_image()
    survey = _rows(values, shape)
    if survey_from_points:
        survey = [[point(r, c) for c in range(shape[1])] for r in range(shape[0])]
    session = Engine(engine_url, token).start(survey, pixel_size_nm=pixel_size_nm, dose=1.0, **settings)
    print("session", session.id)

    def measure(p, left, top):
        n = p["patch"]
        return [[point(r, c) for c in range(left, left + n)] for r in range(top, top + n)], {"dose": 1.0}

    report = drive(session, measure)
    print("measurements", report.get("measurements"), "target", report.get("target"))
    return report


if __name__ == "__main__":
    args = sys.argv[1:]
    opts = dict((args[i][2:].replace("-", "_"), int(args[i + 1]) if args[i + 1].isdigit() else args[i + 1])
                for i in range(1 if args else 0, len(args) - 1, 2))
    run(os.environ.get("STEM_DISCOVERY_URL", "http://127.0.0.1:8765"), args[0] if args else None, **opts)
