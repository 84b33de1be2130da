"""Page checks: blank, too dark, too light, low resolution; deskew."""

from __future__ import annotations

import time

import pytest
from PIL import Image

from desktop.capture.pages import MAX_SKEW, check_page, deskew, estimate_skew
from tests.page_images import a4_size, blank_page, form_page, one_line_page


@pytest.mark.parametrize(("label", "page"), [
    ("solid white", Image.new("L", a4_size(200), 255)),
    ("white paper with scanner noise", blank_page()),
    ("noise and a dozen dust specks", blank_page(specks=12)),
    ("recycled grey paper", blank_page(paper=200)),
    ("colour scan of blank paper", blank_page().convert("RGB")),
])
def test_blank_pages_are_detected(label, page):
    check = check_page(page, 200)
    assert check.blank, (label, check)
    assert not (check.too_dark or check.too_light)
    assert "Página en blanco" in check.notes[0]


@pytest.mark.parametrize(("label", "page"), [
    ("a form", form_page()),
    ("a form on grey paper", form_page(paper=200)),
    ("one short line of text", one_line_page()),
])
def test_pages_with_content_are_not_blank_and_not_flagged(label, page):
    check = check_page(page, 200)
    assert not check.flagged, (label, check)
    assert check.notes == ()


def test_a_solid_black_page_is_too_dark_not_blank():
    check = check_page(Image.new("L", a4_size(200), 0), 200)
    assert check.too_dark and not check.blank
    assert "muy oscura" in check.notes[0]


def test_a_dark_scan_with_the_lid_open_is_too_dark():
    check = check_page(form_page(paper=70, ink=10), 200)
    assert check.too_dark


def test_washed_out_text_is_too_light():
    faint = form_page(ink=185)
    check = check_page(faint, 200)
    assert check.too_light and not check.blank
    assert "muy clara" in check.notes[0]


def test_below_150_dpi_is_flagged_with_its_resolution():
    assert not check_page(form_page(dpi=150), 150).low_resolution
    check = check_page(form_page(dpi=100), 100)
    assert check.low_resolution
    assert "100 ppp" in check.notes[-1]


def test_checks_are_fast_enough_for_every_page():
    page = form_page()
    start = time.perf_counter()
    for _ in range(5):
        check_page(page, 200)
    assert (time.perf_counter() - start) / 5 < 0.1


@pytest.mark.parametrize("angle", [3.0, -2.5, 1.2, -0.8, 4.5])
def test_skew_is_estimated_within_a_tenth_of_a_degree(angle):
    page = form_page(noise=False).rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=242)
    assert estimate_skew(page, 200) == pytest.approx(angle, abs=0.15)


def test_deskew_straightens_a_page_and_says_by_how_much():
    page = form_page(noise=False).rotate(3, resample=Image.Resampling.BICUBIC, fillcolor=242)
    straight, angle = deskew(page, 200)
    assert angle == pytest.approx(3.0, abs=0.15)
    assert straight.size == page.size
    assert abs(estimate_skew(straight, 200)) <= 0.2


def test_a_straight_or_blank_page_is_left_as_it_is():
    page = form_page()
    assert deskew(page, 200) == (page, 0.0)
    blank = blank_page()
    assert deskew(blank, 200)[1] == 0.0


def test_skew_beyond_the_search_range_is_not_invented():
    page = form_page(noise=False).rotate(12, resample=Image.Resampling.BICUBIC, fillcolor=242)
    assert abs(estimate_skew(page, 200)) <= MAX_SKEW
