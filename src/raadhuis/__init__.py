"""Raadhuis: the versioned register of the civil-service organisation of Dutch municipalities."""

__version__ = "0.1.0"
