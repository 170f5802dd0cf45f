"""Copy the map's third-party files from the npm registry into ``resources/map/vendor``.

    python build_scripts/vendor_map_assets.py          # fetch the pinned versions, copy
    python build_scripts/vendor_map_assets.py --check  # verify the committed files' hashes

The map must work with no network at all and must never load code from a CDN, so the few
files it needs are committed under ``resources/map/vendor`` (about 300 kB). This script is
the only way they change: it runs ``npm pack`` for exact versions in a temporary folder
(npm checks the registry's integrity hashes), copies only the dist files the page loads,
the licences, and writes ``VENDORED.json`` (versions and SHA-256 of every copied file) so a
review sees exactly what changed. Bumping a version = edit ``PACKAGES`` and run it again.

Not vendored: ``qwebchannel.js``, which ships inside QtWebEngine and is loaded from
``qrc:///qtwebchannel/qwebchannel.js`` so it always matches the installed Qt.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "resources" / "map" / "vendor"
MANIFEST = VENDOR / "VENDORED.json"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    # path inside the npm tarball (under package/) -> path under vendor/<name>/
    files: dict[str, str]
    licence: str


PACKAGES = (
    Package(
        "leaflet",
        "1.9.4",
        {
            "dist/leaflet.js": "leaflet.js",
            "dist/leaflet.css": "leaflet.css",
            # leaflet.css points at these for the layers control and default markers.
            "dist/images/layers.png": "images/layers.png",
            "dist/images/layers-2x.png": "images/layers-2x.png",
            "dist/images/marker-icon.png": "images/marker-icon.png",
            "dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
            "dist/images/marker-shadow.png": "images/marker-shadow.png",
        },
        "LICENSE",
    ),
    Package(
        "leaflet.markercluster",
        "1.5.3",
        {
            "dist/leaflet.markercluster.js": "leaflet.markercluster.js",
            # Only the animation/layout CSS: the page draws its own cluster icons per layer,
            # so MarkerCluster.Default.css (the green/yellow/orange bubbles) is not needed.
            "dist/MarkerCluster.css": "MarkerCluster.css",
        },
        "MIT-LICENCE.txt",
    ),
    Package(
        "topojson-client",
        "3.1.0",
        {"dist/topojson-client.min.js": "topojson-client.min.js"},
        "LICENSE",
    ),
    Package(
        "world-atlas",
        "2.0.2",
        # Natural Earth 1:110m country outlines (public domain data, ISC packaging): the
        # basemap drawn under the tiles so a map with no cached tiles is never grey.
        {"countries-110m.json": "countries-110m.json"},
        "LICENSE",
    ),
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _npm() -> str:
    npm = shutil.which("npm") or shutil.which("npm.cmd")
    if not npm:
        sys.exit("npm not found: install Node.js (npm) to vendor the map assets.")
    return npm


def _pack(npm: str, package: Package, workdir: Path) -> Path:
    """``npm pack name@version`` into ``workdir``; returns the extracted ``package/`` dir."""
    spec = f"{package.name}@{package.version}"
    result = subprocess.run(
        [npm, "pack", spec, "--json", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
        cwd=workdir,
    )
    filename = json.loads(result.stdout)[0]["filename"]
    target = workdir / package.name
    target.mkdir()
    with tarfile.open(workdir / filename) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def vendor() -> dict[str, object]:
    npm = _npm()
    manifest: dict[str, object] = {}
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    VENDOR.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="localpro-vendor-") as tmp:
        for package in PACKAGES:
            source = _pack(npm, package, Path(tmp))
            files: dict[str, str] = {}
            for inside, outside in {**package.files, package.licence: "LICENSE.txt"}.items():
                src = source / inside
                dst = VENDOR / package.name / outside
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)
                files[outside] = _sha256(dst)
            manifest[package.name] = {"version": package.version, "files": files}
            print(f"{package.name}@{package.version}: {len(files)} files")
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def check() -> int:
    """Exit status 1 when a committed file differs from what the manifest recorded."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    bad = 0
    for name, entry in manifest.items():
        for rel, digest in entry["files"].items():
            path = VENDOR / name / rel
            if not path.exists() or _sha256(path) != digest:
                print(f"changed or missing: {path.relative_to(ROOT)}")
                bad += 1
    print("vendored map assets match VENDORED.json" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify hashes, fetch nothing")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    vendor()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
