"""The monthly report drawn as an A4 PDF in one language: every string a shaped Paragraph."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dialog.texts import t
from dialog.texts.dates import day_label, long_date, month_label, weekday_day
from pdf.charts import DARK, LIGHT, BarChart
from pdf.fonts import BY_LANGUAGE, register_fonts
from pdf.model import DayLine, MonthPdf, NoteLine
from pdf.text import markup
from tracker.money import format_inr
from tracker.notes import STRUCTURED_FIELDS

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
GRID, SHADE, MUTED = HexColor("#808080"), HexColor("#e6e6e6"), HexColor("#505050")
LOG_COLUMNS = (0.22, 0.26, 0.34, 0.18)


class Page:
    """The styles and texts of one report in one language."""

    def __init__(self, language: str) -> None:
        register_fonts()
        self.language = language
        self.font = BY_LANGUAGE.get(language, BY_LANGUAGE["en"])
        self.body = self.style("body", 10, 14)
        self.small = self.style("small", 8.5, 12, textColor=MUTED)
        self.title = self.style("title", 18, 24)
        self.heading = self.style("heading", 13, 18, spaceBefore=10, spaceAfter=4)
        self.centred = self.style("centred", 8.5, 11, alignment=TA_CENTER)

    def style(self, name: str, size: float, leading: float, **more: object) -> ParagraphStyle:
        # shaping=1 is what forms conjuncts and places matras; it is off by default.
        return ParagraphStyle(
            name, fontName=self.font, fontSize=size, leading=leading, shaping=1, **more
        )

    def t(self, key: str, **values: object) -> str:
        return t(self.language, key, **values)

    def sessions(self, count: int) -> str:
        return self.t("pdf.sessions", count=count)

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup(text, self.font), style or self.body)

    def line(self, key: str, style: ParagraphStyle | None = None, **values: object) -> Paragraph:
        return self.para(self.t(key, **values), style)


def render_month_pdf(report: MonthPdf, language: str) -> bytes:
    """The report as PDF bytes; CPU-bound, so callers run it off the event loop."""
    page = Page(language)
    out = BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=f"{report.child_name} {report.month:%Y-%m}",
        author="Therapy Tracker",
        lang=language,
    )

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        text = page.line("pdf.footer", page.small, page=doc.page)
        text.wrap(WIDTH, MARGIN)
        text.drawOn(canvas, MARGIN, MARGIN / 2)

    document.build(story(page, report), onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def story(page: Page, report: MonthPdf) -> list[Flowable]:
    month = month_label(page.language, report.month)
    return [
        page.line("pdf.title", page.title, name=report.child_name),
        page.line(
            "pdf.made", page.small, month=month, date=long_date(page.language, report.made_on)
        ),
        # A section's heading stays on the page with what it heads.
        *(
            KeepTogether(section(page, report))
            for section in (money, weeks_chart, mood_chart, reasons, streaks)
        ),
        *notes(page, report),
        *day_log(page, report),
    ]


def table(rows: list[list[Paragraph]], widths: list[float], header: bool = False) -> Table:
    grid = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    grid.setStyle(TableStyle(commands))
    return grid


def money(page: Page, report: MonthPdf) -> list[Flowable]:
    heading = page.line("pdf.h_money", page.heading)
    figures = report.figures
    if figures is None:
        rows = [
            ("pdf.row_attended", page.sessions(report.attended)),
            ("pdf.row_missed", page.sessions(report.missed)),
        ]
        return [heading, page.line("pdf.no_plan"), Spacer(1, 4), _pairs(page, rows)]
    rows = [
        ("pdf.row_paid", f"{page.sessions(figures.paid)} · {format_inr(figures.paid_paise)}"),
        ("pdf.row_cost", format_inr(figures.cost_paise)),
        ("pdf.row_carried", page.sessions(figures.carried)),
        ("pdf.row_attended", page.sessions(figures.attended)),
        ("pdf.row_used", format_inr(figures.used_paise)),
        ("pdf.row_missed", page.sessions(figures.missed)),
        ("pdf.row_left", page.sessions(figures.left)),
        ("pdf.row_beyond", f"{page.sessions(figures.beyond)} · {format_inr(figures.beyond_paise)}"),
    ]
    return [heading, _pairs(page, rows)]


def _pairs(page: Page, rows: list[tuple[str, str]]) -> Table:
    cells = [[page.line(key), page.para(value)] for key, value in rows]
    return table(cells, [WIDTH * 0.5, WIDTH * 0.5])


def weeks_chart(page: Page, report: MonthPdf) -> list[Flowable]:
    labels = [page.para(_week_label(week.first, week.last), page.centred) for week in report.weeks]
    series = [[week.attended for week in report.weeks], [week.missed for week in report.weeks]]
    return [
        page.line("pdf.h_weeks", page.heading),
        BarChart(series, labels, (DARK, LIGHT), WIDTH),
        page.line("pdf.legend", page.small),
    ]


def _week_label(first: date, last: date) -> str:
    # The month is in the title, so a week is its days' numbers.
    return f"{first.day}–{last.day}" if first != last else str(first.day)


def mood_chart(page: Page, report: MonthPdf) -> list[Flowable]:
    heading = page.line("pdf.h_mood", page.heading)
    if not any(count for _, count in report.moods):
        return [heading, page.line("pdf.no_mood")]
    labels = [page.line(f"pdf.mood.{mood}", page.centred) for mood, _ in report.moods]
    series = [[count for _, count in report.moods]]
    return [heading, BarChart(series, labels, (DARK,), WIDTH * 0.6, height=90)]


def reasons(page: Page, report: MonthPdf) -> list[Flowable]:
    heading = page.line("pdf.h_reasons", page.heading)
    if not report.reasons:
        return [heading, page.line("pdf.no_misses")]
    rows = [
        [
            page.line(f"category.{name}"),
            page.line("pdf.sessions", count=count),
            page.line("pdf.reason_share", percent=percent),
        ]
        for name, count, percent in report.reasons
    ]
    return [heading, table(rows, [WIDTH * 0.5, WIDTH * 0.3, WIDTH * 0.2])]


def streaks(page: Page, report: MonthPdf) -> list[Flowable]:
    streak = report.streak
    return [
        page.line("pdf.h_streaks", page.heading),
        page.line("pdf.streak_weeks", count=streak.weeks),
        page.line("pdf.streak_best", count=streak.best),
        page.line("pdf.streak_run", count=streak.run),
    ]


def notes(page: Page, report: MonthPdf) -> list[Flowable]:
    flowables: list[Flowable] = [page.line("pdf.h_notes", page.heading)]
    if not report.notes:
        return [*flowables, page.line("pdf.no_notes")]
    for item in report.notes:
        flowables += _note(page, item)
    if report.more_notes:
        flowables.append(page.line("pdf.notes_more", page.small, count=report.more_notes))
    return flowables


def _note(page: Page, item: NoteLine) -> list[Flowable]:
    who = page.t(f"role.{item.author_role}") if item.author_role else page.t("pdf.former_member")
    when = day_label(page.language, item.note.created_at.date(), with_year=False)
    lines = [page.line("pdf.note_by", page.small, date=when, who=who)]
    if item.note.kind == "structured":
        lines += [
            page.para(f"{page.t(f'pdf.field.{name}')}: {item.note.fields[name]}")
            for name in STRUCTURED_FIELDS
            if item.note.fields.get(name)
        ]
    else:
        lines.append(page.para(item.note.text))
    return [*lines, Spacer(1, 4)]


def day_log(page: Page, report: MonthPdf) -> list[Flowable]:
    header = [page.line(f"pdf.col_{column}") for column in ("day", "what", "reason", "mood")]
    rows = [header, *(_day_row(page, line) for line in report.days)]
    widths = [WIDTH * share for share in LOG_COLUMNS]
    return [page.line("pdf.h_log", page.heading), table(rows, widths, header=True)]


def _day_row(page: Page, line: DayLine) -> list[Paragraph]:
    what = [
        page.t(f"pdf.day_{status}", count=count)
        for status, count in (("attended", line.attended), ("missed", line.missed))
        if count
    ]
    if line.day_off:
        what.append(page.t("pdf.day_off"))
    reasons = [typed or page.t(f"category.{category}") for typed, category in line.reasons]
    moods = [page.t(f"pdf.mood.{mood}") for mood in line.moods]
    return [
        page.para(weekday_day(page.language, line.day), page.small),
        page.para(", ".join(what) or "–"),
        page.para("; ".join(reasons)),
        page.para(", ".join(moods)),
    ]
