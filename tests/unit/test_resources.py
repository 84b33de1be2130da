"""The application icon, its desktop entry and AppStream metadata, as the .deb installs them."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from desktop.resources import resource, resources_root
from desktop.version import __version__
from installer.icons import ICO_SIZES, PNG_SIZES, ico_path, png_path, render_png

APP_ID = "ec.gob.iess.Ventanilla"


def test_resources_are_found_beside_the_packages():
    assert resources_root().name == "resources" and (resources_root() / "README.md").exists()
    assert resource("icons", "ventanilla.svg").exists()


@pytest.mark.parametrize("size", PNG_SIZES)
def test_every_png_size_is_that_size_and_drawn(size):
    image = Image.open(png_path(size))
    assert image.size == (size, size) and image.mode == "RGBA"
    alpha = image.getchannel("A")
    assert alpha.getextrema() == (0, 255)  # transparent corners, an opaque drawing
    assert image.getpixel((size // 2, size // 2))[3] == 255


def test_the_committed_pngs_are_the_svg_rendered():
    """`python -m installer.icons` after changing the SVG keeps them in step."""
    import functools
    import io

    from PIL import ImageChops

    fresh = Image.open(io.BytesIO(render_png(64))).convert("RGBA")
    committed = Image.open(png_path(64)).convert("RGBA")
    largest = functools.reduce(ImageChops.lighter, ImageChops.difference(fresh, committed).split())
    differing = sum(largest.histogram()[17:])  # pixels off by more than 16 in any channel
    assert differing < 64 * 64 // 100, differing


def test_the_windows_icon_holds_every_size():
    icon = Image.open(ico_path())
    assert set(icon.info["sizes"]) == {(s, s) for s in ICO_SIZES}


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils missing (.ci/run installs it)")
def test_the_desktop_entry_validates():
    entry = resource("linux", f"{APP_ID}.desktop")
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout
    text = entry.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}" in text and "Exec=ventanilla" in text


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstream missing (.ci/run installs it)")
def test_the_appstream_metadata_validates_and_names_this_version():
    metainfo = resource("linux", f"{APP_ID}.metainfo.xml")
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == APP_ID
    assert __version__ in [r.get("version") for r in root.iter("release")]
