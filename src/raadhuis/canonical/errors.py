"""Errors that users read: file, line (or sheet/row/column), field, and what was expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    file: str
    line: int | None  # 1-based line, or spreadsheet row
    field: str  # a path such as "events[3].date", or a column name
    message: str  # what was expected, and what was found
    sheet: str | None = None
    column: str | None = None

    def location(self) -> str:
        if self.sheet is None and self.column is not None:  # CSV: no sheet, but a column
            where = self.file + (f", rij {self.line}" if self.line is not None else "")
            return f"{where}, kolom {self.column}"
        if self.sheet is not None:
            where = f"{self.file}, blad {self.sheet!r}"
            if self.line is not None:
                where += f", rij {self.line}"
            if self.column is not None:
                where += f", kolom {self.column}"
            return where
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def __str__(self) -> str:
        return f"{self.location()}: {self.field}: {self.message}"

    def text(self, lang: str = "nl") -> str:
        """The whole error in the reader's language (Dutch by default)."""
        from raadhuis.i18n.errors import translate

        where = self.location()
        if lang != "nl":
            where = where.replace(", blad ", ", sheet ").replace(", rij ", ", row ").replace(", kolom ", ", column ")
        return f"{where}: {self.field}: {translate(self.message, lang)}"

    def localized(self, lang: str = "nl") -> InputError:
        from dataclasses import replace

        from raadhuis.i18n.errors import translate

        return replace(self, message=translate(self.message, lang))

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"file": self.file, "line": self.line, "field": self.field, "message": self.message}
        if self.sheet is not None:
            out["sheet"] = self.sheet
            out["column"] = self.column
        elif self.column is not None:  # a CSV file: no sheet, but the column is still where to look
            out["column"] = self.column
        return out


class InputErrors(Exception):
    """Raised when an input does not validate; nothing has been written."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
