"""Bar charts drawn without labels, labelled with shaped Paragraphs laid under the bars.

reportlab draws chart labels with `drawString`, which does not shape Hindi or Telugu; only
Paragraphs do, so the chart keeps empty category names and the Paragraphs take their place."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import Flowable, Paragraph

AXIS_WIDTH = 24.0  # room for the value axis's digits
LABEL_HEIGHT = 30.0
# Greys that stay apart when printed without colour; the bars also get a black outline.
DARK, LIGHT = HexColor("#404040"), HexColor("#c8c8c8")


class BarChart(Flowable):  # type: ignore[misc]
    """Grouped bars, one group per label; `series` holds one list of values per bar colour."""

    def __init__(
        self,
        series: list[list[int]],
        labels: list[Paragraph],
        colors: tuple[Color, ...],
        width: float,
        height: float = 110.0,
    ) -> None:
        super().__init__()
        self.series, self.labels, self.colors = series, labels, colors
        self.width, self.chart_height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.chart_height + LABEL_HEIGHT

    def draw(self) -> None:
        chart = self._chart()
        drawing = Drawing(self.width, self.chart_height)
        drawing.add(chart)
        renderPDF.draw(drawing, self.canv, 0, LABEL_HEIGHT)
        step = chart.width / max(1, len(self.labels))
        for index, label in enumerate(self.labels):
            _, height = label.wrap(step, LABEL_HEIGHT)
            label.drawOn(self.canv, chart.x + index * step, LABEL_HEIGHT - height - 2)

    def _chart(self) -> VerticalBarChart:
        chart = VerticalBarChart()
        chart.x, chart.y = AXIS_WIDTH, 6
        chart.width, chart.height = self.width - AXIS_WIDTH - 4, self.chart_height - 12
        chart.data = self.series
        chart.categoryAxis.categoryNames = [""] * len(self.labels)
        top = max([1, *(value for values in self.series for value in values)])
        chart.valueAxis.valueMin = 0  # reportlab starts at the smallest value otherwise
        chart.valueAxis.valueMax = top
        chart.valueAxis.valueStep = max(1, -(-top // 5))
        chart.valueAxis.labels.fontSize = 8
        chart.barSpacing = 2
        for index, color in enumerate(self.colors):
            chart.bars[index].fillColor = color
            chart.bars[index].strokeColor = HexColor("#000000")
            chart.bars[index].strokeWidth = 0.5
        return chart
