"""Uploaded files wait here between preview and commit: on disk, keyed by a random token,
so the browser never carries (or alters) the data itself. The folder goes when the server
stops (the app's shutdown, or else when the process exits): a preview nobody committed
leaves nothing behind."""

from __future__ import annotations

import atexit
import re
import secrets
import shutil
import tempfile
from pathlib import Path, PurePath

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_UNSAFE = re.compile(r"[^\w.\- ]+")


class Uploads:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(tempfile.mkdtemp(prefix="raadhuis-uploads-"))
        atexit.register(self.clear)

    def clear(self) -> None:
        """Remove every waiting upload and the folder itself."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def put(self, name: str, data: bytes) -> str:
        """Keep ``data`` under its (cleaned) file name; the token finds it again."""
        token = secrets.token_urlsafe(18)
        safe = _UNSAFE.sub("_", PurePath(name).name).strip(". ") or "upload"
        (self.folder / token).mkdir()
        (self.folder / token / safe).write_bytes(data)
        return token

    def get(self, token: str) -> Path | None:
        """The stored file, or None for an unknown or malformed token."""
        if not _TOKEN.match(token) or not (self.folder / token).is_dir():
            return None
        files = list((self.folder / token).iterdir())
        return files[0] if files else None

    def drop(self, token: str) -> None:
        if _TOKEN.match(token):
            shutil.rmtree(self.folder / token, ignore_errors=True)
