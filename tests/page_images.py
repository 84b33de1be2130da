"""Synthetic scanned pages for capture tests: forms, blank paper, noise, skew.

Drawn with Pillow only (its built-in scalable font), so they look the same on every machine.
"""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

A4_MM = (210, 297)


def a4_size(dpi: int) -> tuple[int, int]:
    return round(A4_MM[0] / 25.4 * dpi), round(A4_MM[1] / 25.4 * dpi)


def scanner_noise(image: Image.Image, sigma: float = 6.0) -> Image.Image:
    """Gaussian sensor noise and a little optical blur. Pillow draws the noise with C rand(),
    unseeded: different on each call, but the same sequence in every new process."""
    noise = Image.effect_noise(image.size, sigma)
    noisy = ImageChops.add(image.convert("L"), noise, scale=1.0, offset=-128)
    return noisy.filter(ImageFilter.GaussianBlur(0.6))


def blank_page(dpi: int = 200, paper: int = 245, specks: int = 0, noise: bool = True,
               seed: int = 3) -> Image.Image:
    page = Image.new("L", a4_size(dpi), paper)
    draw = ImageDraw.Draw(page)
    rng = random.Random(seed)
    for _ in range(specks):  # dust: a few pixels each
        x, y = rng.randrange(page.width // 10, page.width * 9 // 10), \
            rng.randrange(page.height // 10, page.height * 9 // 10)
        draw.ellipse((x, y, x + 3, y + 3), fill=40)
    return scanner_noise(page) if noise else page


def form_page(dpi: int = 200, paper: int = 242, ink: int = 25, fields: int = 10,
              noise: bool = True) -> Image.Image:
    """A request form: heading, labelled boxes, a paragraph and a signature."""
    width, height = a4_size(dpi)
    page = Image.new("L", (width, height), paper)
    draw = ImageDraw.Draw(page)
    mm = dpi / 25.4
    heading = ImageFont.load_default(size=round(4.5 * mm))
    text = ImageFont.load_default(size=round(3.2 * mm))
    draw.text((25 * mm, 18 * mm), "INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL", fill=ink,
              font=heading)
    draw.text((25 * mm, 26 * mm), "Solicitud de reliquidacion de pensiones IESS-034-01-07",
              fill=ink, font=heading)
    y = 45 * mm
    for number in range(fields):
        draw.text((25 * mm, y), f"Campo {number + 1} del formulario:", fill=ink, font=text)
        draw.rectangle((85 * mm, y - 1 * mm, 185 * mm, y + 5 * mm), outline=ink,
                       width=max(1, dpi // 100))
        y += 10 * mm
    for line in range(4):
        draw.text((25 * mm, y + line * 5 * mm),
                  "Declaro que la informacion es verdadera y autorizo su verificacion.",
                  fill=ink, font=text)
    base = y + 40 * mm
    points = [(40 * mm + step * mm / 2, base + 6 * mm * math.sin(step / 6)) for step in range(120)]
    draw.line(points, fill=ink, width=max(2, dpi // 70))
    draw.line((25 * mm, base + 12 * mm, 95 * mm, base + 12 * mm), fill=ink, width=2)
    draw.text((25 * mm, base + 14 * mm), "Firma del solicitante", fill=ink, font=text)
    return scanner_noise(page) if noise else page


def one_line_page(dpi: int = 200) -> Image.Image:
    """A nearly empty page: one line of handwriting-like text, nothing else."""
    page = Image.new("L", a4_size(dpi), 245)
    draw = ImageDraw.Draw(page)
    mm = dpi / 25.4
    draw.text((30 * mm, 60 * mm), "Recibido conforme", fill=30,
              font=ImageFont.load_default(size=round(4 * mm)))
    return scanner_noise(page)


def encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=kind, **options)
    return buffer.getvalue()
