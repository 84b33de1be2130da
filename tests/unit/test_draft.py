"""The draft document: pages from scans and files, editing, and the one PDF it builds."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop.capture import draft as draft_module
from desktop.capture.draft import DraftDocument
from desktop.capture.files import CAPTURE_TYPES, MAX_PAGES, check_bytes
from desktop.capture.scanners import ScannedPage
from desktop.domain.checklist import DocumentType
from desktop.errors import ValidationError
from tests.page_images import blank_page, encoded, form_page
from tests.support.checks import refused
from tests.support.files import make_pdf

MAX_BYTES_PER_PAGE = 120 * 1024


def scanned(image: Image.Image, dpi: int = 200, number: int = 1) -> ScannedPage:
    return ScannedPage(image, dpi, number)


def small(shade: int, width: int = 120) -> ScannedPage:
    """A tiny non-blank page; its width tells pages apart in the PDF."""
    page = Image.new("L", (width, 170), 245)
    page.paste(shade, (10, 10, width - 10, 60))
    return scanned(page, dpi=20)


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def widths(data: bytes) -> list[int]:
    return [round(float(page.mediabox.width) * 20 / 72) for page in reader(data).pages]


@pytest.fixture
def draft() -> DraftDocument:
    return DraftDocument(DocumentType.SIGNED_REQUEST)


def test_a_grey_a4_form_at_200_dpi_stays_under_120_kb_a_page(draft):
    for number in range(1, 4):
        draft.add_scan(scanned(form_page(), number=number))
    data = draft.build_pdf()
    assert len(reader(data).pages) == 3
    assert len(data) / 3 <= MAX_BYTES_PER_PAGE, len(data) / 3
    page = reader(data).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        (595.3, 841.9), abs=1.5)


def test_scanned_pages_are_jpeg_in_the_pdf_not_raw_pixels(draft):
    draft.add_scan(scanned(form_page()))
    image = reader(draft.build_pdf()).pages[0]["/Resources"]["/XObject"]["/Im0"]
    assert image["/Filter"] == "/DCTDecode"
    assert image["/ColorSpace"] == "/DeviceGray"


def test_pages_keep_their_order_and_can_be_moved_and_deleted(draft):
    for width in (100, 110, 120, 130):
        draft.add_scan(small(30, width))
    assert widths(draft.build_pdf()) == [100, 110, 120, 130]
    draft.move(3, 0)
    assert widths(draft.build_pdf()) == [130, 100, 110, 120]
    draft.move(0, 99)
    draft.delete(1)
    assert widths(draft.build_pdf()) == [100, 120, 130]
    with pytest.raises(IndexError):
        draft.delete(3)


def test_rotation_is_the_pdf_page_rotation(draft):
    draft.add_scan(small(30))
    draft.add_file(check_bytes(make_pdf(1), ".pdf"))
    draft.rotate(0)
    draft.rotate(1, 180)
    draft.rotate(1, 90)
    assert [page.rotation for page in reader(draft.build_pdf()).pages] == [90, 270]
    draft.rotate(0, -90)
    assert reader(draft.build_pdf()).pages[0].rotation == 0
    with pytest.raises(ValueError, match="multiples of 90"):
        draft.rotate(0, 45)


def test_imported_pdf_pages_are_copied_not_rasterised(draft):
    source = make_pdf(3, "Planilla del empleador")
    draft.add_scan(small(30))
    draft.add_file(check_bytes(source, ".pdf"))
    draft.move(0, 3)
    result = reader(draft.build_pdf())
    texts = [page.extract_text() for page in result.pages]
    assert texts[:3] == [page.extract_text() for page in reader(source).pages]
    assert "/XObject" not in result.pages[0]["/Resources"]
    assert "/Im0" in result.pages[3]["/Resources"]["/XObject"]
    assert draft.source == "escaner"


def test_imported_images_become_pages_and_tiff_frames_each_a_page(draft):
    png = encoded(form_page(noise=False), "PNG", dpi=(200, 200))
    tiff = encoded(form_page(), "TIFF", save_all=True, dpi=(200, 200),
                   append_images=[blank_page(), form_page()])
    draft.add_file(check_bytes(png, ".png"))
    added = draft.add_file(check_bytes(tiff, ".tif", CAPTURE_TYPES))
    assert len(added) == 3 and added[1].blank and not added[1].keep
    assert all(page.origin == "archivo" for page in draft.pages)
    assert draft.source == "archivo"
    assert len(reader(draft.build_pdf()).pages) == 3


def test_an_image_file_without_a_resolution_is_fitted_to_a4(draft):
    photo = encoded(form_page(dpi=100, noise=False).resize((1240, 1754)), "JPEG")
    draft.add_file(check_bytes(photo, ".jpg"))
    page = reader(draft.build_pdf()).pages[0]
    assert float(page.mediabox.height) == pytest.approx(841.9, abs=2)


def test_import_file_checks_the_file_by_content(draft, tmp_path: Path):
    fake = tmp_path / "solicitud.pdf"
    fake.write_bytes(encoded(form_page(dpi=50), "PNG"))
    with refused(ValidationError, "contenido es PNG"):
        draft.import_file(fake)
    assert draft.pages == ()
    real = tmp_path / "escaneo.tiff"
    real.write_bytes(encoded(form_page(dpi=100), "TIFF"))
    assert len(draft.import_file(real)) == 1


def test_the_same_pages_always_give_the_same_bytes():
    page, source = form_page(), make_pdf(2)  # reportlab itself stamps the time

    def build() -> bytes:
        built = DraftDocument(DocumentType.SIGNED_REQUEST)
        built.add_scan(scanned(page.copy()))
        built.add_file(check_bytes(source, ".pdf"))
        built.rotate(1)
        return built.build_pdf()

    assert build() == build()


def test_blank_pages_are_left_out_with_a_note_and_can_be_kept(draft):
    draft.add_scan(scanned(form_page(), number=1))
    draft.add_scan(scanned(blank_page(), number=2))
    assert [page.keep for page in draft.pages] == [True, False]
    assert "Página en blanco" in draft.pages[1].notes[0]
    assert len(reader(draft.build_pdf()).pages) == 1
    draft.keep(1)
    assert len(reader(draft.build_pdf()).pages) == 2
    draft.keep(0, keep=False)
    assert len(reader(draft.build_pdf()).pages) == 1


def test_at_most_50_pages(draft):
    for number in range(MAX_PAGES):
        draft.add_scan(small(30 + number))
    draft.add_scan(scanned(Image.new("L", (120, 170), 250), dpi=20))  # blank: not counted
    with refused(ValidationError, "el máximo por documento es 50"):
        draft.add_scan(small(10))
    with refused(ValidationError, "tendría 51 páginas"):
        draft.keep(MAX_PAGES)
    assert len(reader(draft.build_pdf()).pages) == MAX_PAGES


def test_a_file_that_does_not_fit_is_refused_whole(draft):
    for _ in range(45):
        draft.add_scan(small(30))
    with refused(ValidationError, "tendría 55 páginas"):
        draft.add_file(check_bytes(make_pdf(10), ".pdf"))
    assert len(draft.pages) == 45


def test_nothing_to_store_and_too_big_are_refused(draft, monkeypatch):
    with refused(ValidationError, "no tiene páginas para guardar"):
        draft.build_pdf()
    draft.add_scan(scanned(blank_page()))
    with refused(ValidationError, "no tiene páginas para guardar"):
        draft.build_pdf()
    draft.add_scan(scanned(form_page()))
    monkeypatch.setattr(draft_module, "MAX_FILE_BYTES", 10_000)
    with refused(ValidationError, "el máximo es 25 MB"):
        draft.build_pdf()


def test_straightening_is_optional_and_noted():
    tilted = form_page(noise=False).rotate(2, resample=Image.Resampling.BICUBIC, fillcolor=242)
    plain = DraftDocument(DocumentType.OTHER_ANNEX)
    plain.add_scan(scanned(tilted))
    assert plain.pages[0].check.skew == 0.0
    straightening = DraftDocument(DocumentType.OTHER_ANNEX, straighten=True)
    straightening.add_scan(scanned(tilted))
    assert straightening.pages[0].check.skew == pytest.approx(2.0, abs=0.15)
    assert "enderezada" in straightening.pages[0].notes[-1]


def test_colour_scans_stay_colour(draft):
    page = form_page().convert("RGB")
    page.paste((200, 30, 30), (300, 300, 600, 600))  # a red stamp
    draft.add_scan(scanned(page))
    assert draft.pages[0].part.colour
    image = reader(draft.build_pdf()).pages[0]["/Resources"]["/XObject"]["/Im0"]
    assert image["/ColorSpace"] == "/DeviceRGB"
