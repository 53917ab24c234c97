"""Printable papers in Chinese (receipts, certificates): the font, the styles, dates in words."""

from __future__ import annotations

from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph

from shouhu.platform.clock import DISTRICT_TZ

# One of the CID fonts every PDF reader knows by name: reportlab carries its metrics, so nothing
# is read from disk or the network, and the paper stays small (the reader supplies the glyphs).
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

MARGIN = 18 * mm


def beijing(moment: datetime) -> datetime:
    """A moment in Beijing time."""
    # A naive time could be UTC or Beijing; guessing would print a wrong hour on a legal paper.
    if moment.tzinfo is None:
        raise ValueError("a paper's times must be timezone-aware")
    return moment.astimezone(DISTRICT_TZ)


def chinese_date(day: date) -> str:
    """2026年12月14日; a datetime as its date in Beijing."""
    if isinstance(day, datetime):
        day = beijing(day).date()
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_time(moment: datetime) -> str:
    """2026年11月30日 14:05, in Beijing."""
    local = beijing(moment)
    return f"{chinese_date(local.date())} {local:%H:%M}"


def styles() -> dict[str, ParagraphStyle]:
    """Every style in the one CID font; CJK wrapping breaks lines between any two characters."""
    base = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=4 * mm
        ),
        "number": ParagraphStyle("number", parent=base, alignment=TA_CENTER, spaceAfter=4 * mm),
        "heading": ParagraphStyle(
            "heading", parent=base, fontSize=12, leading=18, spaceBefore=3 * mm, spaceAfter=2 * mm
        ),
        "body": base,
        "stamp": ParagraphStyle("stamp", parent=base, alignment=TA_RIGHT, rightIndent=10 * mm),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=13),
    }


def text(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of text typed by people: Paragraph reads markup, so it is escaped."""
    return Paragraph(escape(value), style)
