"""Uploaded datasets wait here between preview and commit: text on disk, keyed by a random
token, so the browser never carries (or alters) the data itself."""

from __future__ import annotations

import json
import re
import secrets
import tempfile
from pathlib import Path

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class Uploads:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(tempfile.mkdtemp(prefix="raadhuis-uploads-"))

    def put(self, name: str, text: str) -> str:
        token = secrets.token_urlsafe(18)
        (self.folder / f"{token}.txt").write_text(text, "utf-8")
        (self.folder / f"{token}.json").write_text(json.dumps({"name": name}), "utf-8")
        return token

    def get(self, token: str) -> tuple[str, str] | None:
        """(file name, text), or None for an unknown or malformed token."""
        if not _TOKEN.match(token):
            return None
        text_file, meta_file = self.folder / f"{token}.txt", self.folder / f"{token}.json"
        if not text_file.exists() or not meta_file.exists():
            return None
        return json.loads(meta_file.read_text("utf-8"))["name"], text_file.read_text("utf-8")

    def drop(self, token: str) -> None:
        if _TOKEN.match(token):
            for suffix in (".txt", ".json"):
                (self.folder / f"{token}{suffix}").unlink(missing_ok=True)
