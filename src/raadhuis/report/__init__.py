"""The report "Stand van de organisatie op DATUM": one set of facts, as HTML and as PDF."""

from raadhuis.report.data import report_data
from raadhuis.report.html import report_html
from raadhuis.report.pdf import report_pdf  # noqa: E402

__all__ = ["report_data", "report_html", "report_pdf"]
