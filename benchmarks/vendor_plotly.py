"""Refresh the plotly.js files the HTML report embeds, from the npm registry, and print their sizes.

The report embeds plotly.js's official "cartesian" partial bundle (npm ``plotly.js-cartesian-dist-min``:
bar, heatmap, scatter and a few more trace types, 1.5 MB instead of 4.6 MB for the full bundle) and the
French locale of ``plotly.js-locales`` (converted from CommonJS to JSON). The bundle's version must be
the one plotly.py was built against (``plotly.offline.get_plotlyjs_version()``), so that the figures'
JSON means the same thing to both; this script refuses any other version.

Run from the repository root (needs ``npm`` and ``node``)::

    .venv/bin/python benchmarks/vendor_plotly.py
"""

from __future__ import annotations

import base64
import gzip
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

from plotly.offline import get_plotlyjs_version

ASSETS = Path(__file__).resolve().parents[1] / "auditkit" / "report" / "assets"
BUNDLE_PACKAGE = "plotly.js-cartesian-dist-min"
BUNDLE_FILE = "plotly-cartesian.min.js"
LOCALES_PACKAGE = "plotly.js-locales"
LOCALES = ("fr",)


def npm_pack(spec: str, folder: Path) -> Path:
    """Download ``spec`` (name@version) from the npm registry into ``folder``; return the unpacked dir."""
    name = subprocess.run(
        ["npm", "pack", spec, "--silent"], cwd=folder, check=True, capture_output=True, text=True
    ).stdout.split()[-1]
    with tarfile.open(folder / name) as archive:
        archive.extractall(folder / spec.replace("/", "_"), filter="data")
    return folder / spec.replace("/", "_") / "package"


def main() -> None:
    version = get_plotlyjs_version()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bundle = npm_pack(f"{BUNDLE_PACKAGE}@{version}", folder)
        manifest = json.loads((bundle / "package.json").read_text())
        if manifest["version"] != version:
            raise SystemExit(f"npm gave {manifest['version']}, plotly.py needs {version}")
        source = (bundle / BUNDLE_FILE).read_text(encoding="utf-8")
        if "</script" in source.lower() or "<!--" in source:
            raise SystemExit("the bundle contains '</script' or '<!--': it cannot be inlined as it is")
        (ASSETS / BUNDLE_FILE).write_text(source, encoding="utf-8")
        (ASSETS / "plotly-LICENSE.txt").write_text((bundle / "LICENSE").read_text(), encoding="utf-8")
        locales = npm_pack(LOCALES_PACKAGE, folder)
        locales_version = json.loads((locales / "package.json").read_text())["version"]
        for language in LOCALES:
            module = json.loads(
                subprocess.run(
                    ["node", "-e", f"process.stdout.write(JSON.stringify(require('./{language}.js')))"],
                    cwd=locales,
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            (ASSETS / f"plotly-locale-{language}.json").write_text(
                json.dumps(module, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
    raw = source.encode("utf-8")
    packed = gzip.compress(raw, 9, mtime=0)
    print(f"{BUNDLE_PACKAGE}@{version} -> {ASSETS / BUNDLE_FILE}")
    print(f"{LOCALES_PACKAGE}@{locales_version} -> {', '.join(LOCALES)}")
    print(
        f"bundle: {len(raw):,} bytes; gzip -9: {len(packed):,} bytes; base64 of that: {len(base64.b64encode(packed)):,}"
    )
    print("update PLOTLY_JS_VERSION in auditkit/report/render.py and assets/README.md if the version changed")


if __name__ == "__main__":
    main()
