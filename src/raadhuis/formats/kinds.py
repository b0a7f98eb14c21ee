"""What kind of file a person gave: by its first bytes, then by its name.

A command that reads one kind of file says, when given another, what it was given and which
command reads that kind (an Excel workbook given to ``import``: ``import-excel``). The words are
in :mod:`raadhuis.i18n.cli` (``kind.*``); this module only names the kind.
"""

from __future__ import annotations

import errno
import re
import zipfile
from pathlib import Path

# Kinds Raadhuis reads, and kinds it recognises only to name them.
DATASET = "dataset"  # YAML or JSON text in the dataset format
JSON = "json"
JSONLD = "jsonld"
TURTLE = "turtle"
XLSX = "xlsx"
CSV = "csv"
CBS_XML = "cbs-xml"
XML = "xml"
PDF = "pdf"
WORD = "word"
ODS = "ods"
OLD_OFFICE = "old-office"  # .xls or .doc (OLE compound file)
IMAGE = "image"
HTML = "html"
ZIP = "zip"
BINARY = "binary"
EMPTY = "empty"

_HEAD = 8192
_SUFFIXES = {
    ".yaml": DATASET,
    ".yml": DATASET,
    ".json": JSON,
    ".jsonld": JSONLD,
    ".ttl": TURTLE,
    ".xlsx": XLSX,
    ".xlsm": XLSX,
    ".csv": CSV,
    ".xml": XML,
    ".pdf": PDF,
    ".docx": WORD,
    ".ods": ODS,
    ".xls": OLD_OFFICE,
    ".doc": OLD_OFFICE,
}
_TURTLE_START = re.compile(r"^\s*(@prefix|@base|PREFIX\s|BASE\s)", re.IGNORECASE)


def kind_of(path: Path) -> str:
    """The kind of the file at ``path`` (which exists and is a file); the content decides
    where it is clear (a workbook renamed .yaml is still a workbook), else the name."""
    with path.open("rb") as f:
        head = f.read(_HEAD)
    by_name = _SUFFIXES.get(path.suffix.lower())
    if by_name in (PDF, WORD, ODS, OLD_OFFICE) and not head.startswith(b"PK"):
        return by_name  # named as a document: said so, whatever is inside
    if not head.strip():
        return EMPTY
    if head.startswith(b"%PDF"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return OLD_OFFICE
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return IMAGE
    text = _text(head)
    if text is None:
        return CSV if by_name == CSV else BINARY  # a CSV may be in another encoding; its reader says
    start = text.lstrip("\ufeff \t\r\n")
    lowered = start[:2000].lower()
    if start.startswith("<"):
        if lowered.startswith(("<!doctype html", "<html")):
            return HTML
        if "gemeentelijke_indeling" in lowered or "nlextract" in lowered:
            return CBS_XML
        return XML
    if _TURTLE_START.match(start):
        return TURTLE
    if start.startswith(("{", "[")):
        return JSONLD if '"@context"' in start or by_name == JSONLD else JSON
    if by_name in (CSV, TURTLE, JSONLD):
        return by_name
    return DATASET


def _text(head: bytes) -> str | None:
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # cut in the middle of a character at the end of the head
            return head[: exc.start].decode("utf-8")
        return None


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            mimetype = z.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        return XLSX if path.suffix.lower() in (".xlsx", ".xlsm") else ZIP  # a damaged workbook is still one
    if any(n.startswith("xl/") for n in names):
        return XLSX
    if any(n.startswith("word/") for n in names):
        return WORD
    if "spreadsheet" in mimetype:
        return ODS
    return ZIP


def os_problem(exc: OSError) -> str:
    """What went wrong opening a file, in fixed English words (Dutch in i18n/errors.py),
    not the operating system's own words, which are English whatever the language."""
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return "the file does not exist"
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.EISDIR:
        return "this is a folder, not a file"
    if isinstance(exc, NotADirectoryError) or exc.errno == errno.ENOTDIR:
        return "a part of the path is not a folder"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return "no permission to read it"
    return "the operating system could not read it"
