"""The folium part of "Share this map": the page itself, imported only when a map is shared.

Imported on demand (not when the command line or the window starts: folium, branca and
xyzservices cost about 0.3 s to import). The installed app's bundle leaves numpy out
(bundle_layout.py: 130 MB with pandas, and the installer has 2 MB to spare), yet folium
imports it at the top of two modules for features this page does not use (choropleths,
image overlays): when numpy cannot be imported, a stand-in module with only the name
folium checks at import time (``np.ndarray``) is put in its place, and any other use of
it raises, naming the reason.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _numpy_stand_in() -> types.ModuleType:
    module = types.ModuleType("numpy", "Not bundled: only what folium needs to import.")

    class ndarray:  # numpy's name, for folium's isinstance checks
        """Never instantiated: no value this page passes is a numpy array."""

    def missing(name: str) -> Any:
        raise AttributeError(f"numpy is not in this installation (numpy.{name} was asked for)")

    module.ndarray = ndarray  # type: ignore[attr-defined]
    module.__getattr__ = missing  # type: ignore[method-assign]
    return module


try:
    import numpy  # noqa: F401
except ImportError:
    sys.modules["numpy"] = _numpy_stand_in()
    # pandas cannot work without numpy either: folium imports it only if it can.
    sys.modules.setdefault("pandas", None)  # type: ignore[arg-type]

import folium  # noqa: E402  # after the stand-in, when one is needed
from branca.element import Element, MacroElement  # noqa: E402
from jinja2 import Template  # noqa: E402


class _OfflineMap(folium.Map):
    """folium's Map without its CDN links (the file inlines what it needs instead)."""

    default_js: list[tuple[str, str]] = []  # noqa: RUF012  # folium's own class attributes
    default_css: list[tuple[str, str]] = []  # noqa: RUF012


class _Records(MacroElement):
    """The records as data, drawn by ``share.js`` once the map exists."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "LocalProShare.draw({{ this._parent.get_name() }}, {{ this.payload }});"
        "{% endmacro %}"
    )

    def __init__(self, payload: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "LocalProRecords"
        self.payload = payload


def build_page(*, title: str, tiles_url: str, credit: str, css: str, js: str, payload: str) -> str:
    """One HTML page: folium's map and Figure, our inlined CSS and JS, the records."""
    fmap = _OfflineMap(
        location=[0, 0],
        zoom_start=3,
        tiles=folium.TileLayer(tiles_url, attr=credit, max_zoom=19, name=title),
        prefer_canvas=True,
        control_scale=True,
    )
    root: Any = fmap.get_root()  # a branca Figure (typed as Element)
    root.title = title
    root.header.add_child(Element(f"<style>{css}</style>"), name="localpro_css")
    root.header.add_child(Element(f"<script>{js}</script>"), name="localpro_js")
    fmap.add_child(_Records(payload))
    page: str = root.render()
    return page
