"""The Chromium switches LocalPro starts QtWebEngine with (read once, when the map opens).

``--disable-gpu``: the map is a Leaflet page (DOM markers, CSS transforms, a few canvas
tiles), which Chromium's software compositor draws smoothly. QtWebEngine runs its GPU
thread inside the app's own process, so with the GPU on, the graphics driver's libraries
and buffers count against the app: measured on the 100,000-prospect workspace, the app
process peaked at 390 MB with the map open and 339 MB without the GPU (``bench/bench_ui.py``).
On the modest laptops LocalPro is made for, old graphics drivers are also the usual cause of
a blank or crashing web view. Set ``LOCALPRO_MAP_GPU=1`` to let Chromium use the graphics
card anyway.
"""

from collections.abc import MutableMapping

FLAGS_VARIABLE = "QTWEBENGINE_CHROMIUM_FLAGS"
GPU_VARIABLE = "LOCALPRO_MAP_GPU"
SOFTWARE_ONLY = "--disable-gpu"


def apply_chromium_flags(environ: MutableMapping[str, str]) -> None:
    """Add our switches to ``QTWEBENGINE_CHROMIUM_FLAGS``, keeping any the user set."""
    flags = environ.get(FLAGS_VARIABLE, "").split()
    wants_gpu = environ.get(GPU_VARIABLE, "").strip().lower() in ("1", "true", "yes")
    if not wants_gpu and SOFTWARE_ONLY not in flags:
        flags.append(SOFTWARE_ONLY)
    if flags:
        environ[FLAGS_VARIABLE] = " ".join(flags)
