"""A supervision report on A4: provenance, tables and bar charts (reportlab graphics).

The charts are drawn here, in the PDF, with reportlab's own chart library; the Reportes
page shows this PDF's pages, so the supervisor looks at the same charts that are printed
or sent (PySide6's QtCharts is in the 800 MB add-ons bundle this app does not ship).
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from desktop.documents.layout import (
    Layout,
    PdfInfo,
    header,
    labelled,
    p,
    render_pdf,
    styles,
    table,
)
from desktop.domain.checklist import PROCEDURE_CODE, procedure_name
from desktop.i18n import _
from desktop.reports.model import Cell, Chart, Report, Table

PALETTE = (colors.HexColor("#1f4e79"), colors.HexColor("#c55a11"), colors.HexColor("#548235"),
           colors.HexColor("#7f6000"), colors.HexColor("#7030a0"), colors.HexColor("#404040"))
CHART_HEIGHT = 62 * mm


def _cell(value: Cell) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", " ").replace(".", ",")
    return str(value)


def _table(data: Table, lay: Layout, width: float) -> list[Flowable]:
    st = styles(lay)
    heading = ParagraphStyle("reportHeading", st["bold"], fontSize=lay.small - 0.5,
                             leading=(lay.small - 0.5) * 1.2)
    rows: list[list[Flowable | str]] = [[p(h, heading) for h in data.headers]]
    rows.extend([p(_cell(value), st["small"]) for value in row] for row in data.rows)
    if not data.rows:
        rows.append([p(_("Sin datos en el periodo."), st["small"]), *([""] * (len(
            data.headers) - 1))])
    first = min(width * 0.34, 60 * mm) if len(data.headers) > 2 else width / 2
    rest = (width - first) / max(1, len(data.headers) - 1)
    story: list[Flowable] = [CondPageBreak(30 * mm), p(data.title, st["bold"]), Spacer(1, 2),
                             table(rows, [first, *([rest] * (len(data.headers) - 1))],
                                   ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e7edf3")),
                                   ("ALIGN", (1, 1), (-1, -1), "RIGHT"), repeatRows=1)]
    if data.note:
        story += [Spacer(1, 2), p(data.note, st["small"])]
    return [*story, Spacer(1, 6)]


def _step(top: float) -> float:
    """A round step for about five gridlines (1, 2, 5 × 10^n; never below 1)."""
    rough = max(1.0, top / 5)
    scale = 10 ** math.floor(math.log10(rough))
    return next(m * scale for m in (1, 2, 5, 10) if m * scale >= rough)


def chart_drawing(chart: Chart, width: float, height: float = CHART_HEIGHT) -> Drawing:
    """A bar chart with its title and legend, sized for the page (or for the screen)."""
    angled = len(chart.categories) > 6 or max(map(len, chart.categories or [""])) > 12
    below = 16 + (min(80, 2.4 * max(map(len, chart.categories or [""]))) if angled else 0)
    drawing = Drawing(width, height + below)
    drawing.add(String(0, height + below - 10, chart.title, fontName="Helvetica-Bold",
                       fontSize=9))
    bars = VerticalBarChart()
    left = 34 + (min(50, 1.6 * max(map(len, chart.categories or [""]))) if angled else 0)
    # reportlab's stubs type these as int; PlotArea takes any number (isNumber)
    bars.x, bars.y = left, below  # type: ignore[assignment]  # room for the first angled label
    bars.width, bars.height = width - 126 - left, height - 22  # type: ignore[assignment]
    bars.data = [list(values) or [0] for _name, values in chart.series] or [[0]]
    bars.categoryAxis.categoryNames = list(chart.categories) or [""]
    bars.categoryAxis.labels.fontSize = 6.5
    if angled:
        bars.categoryAxis.labels.angle = 35
        bars.categoryAxis.labels.boxAnchor = "ne"
    bars.valueAxis.labels.fontSize = 7
    top = max([sum(column) for column in zip(*bars.data, strict=True)] if chart.stacked
              else [max(values) for values in bars.data] or [0])
    step = _step(top)
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueStep = step
    bars.valueAxis.valueMax = step * max(1, math.ceil(top / step))
    bars.valueAxis.labelTextFormat = lambda value: f"{value:,.0f}".replace(",", " ")
    if chart.stacked:
        bars.categoryAxis.style = "stacked"
    for index in range(len(bars.data)):
        bars.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        bars.bars[index].strokeColor = None
    drawing.add(bars)
    legend = Legend()
    # as for the bars: the stubs say int, Legend's x and y take any number
    legend.x, legend.y = width - 116, height + below - 24  # type: ignore[assignment]
    legend.fontSize = 7
    legend.columnMaximum = 8
    legend.alignment = "right"
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name)
                             for i, (name, _values) in enumerate(chart.series)]
    drawing.add(legend)
    return drawing


def render_report(report: Report) -> bytes:
    """The report as PDF bytes (A4, «Página n de m» on every sheet)."""

    def build(lay: Layout, width: float) -> list[Flowable]:
        st = styles(lay)
        story: list[Flowable] = header(
            report.title, [f"{procedure_name()} ({PROCEDURE_CODE})"], 1, st, width)
        story += labelled(report.provenance(), lay, st, width)
        story.append(Spacer(1, 6))
        for chart in report.charts:
            story += [CondPageBreak(CHART_HEIGHT + 30 * mm), chart_drawing(chart, width),
                      Spacer(1, 4)]
        for data in report.tables:
            story += _table(data, lay, width)
        return story

    footer = f"{report.title} · {report.centre} · {report.period}"
    return render_pdf(build, "a4", PdfInfo(report.title, procedure_name(), footer=footer))
