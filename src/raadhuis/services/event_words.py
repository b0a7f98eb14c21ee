"""The words an id of a new event is made of, per kind of change.

One list for the register's change forms and for scenario edits, so that an event made in either gets an id
of the same form (``2013-03-01-oprichting-team-communicatie``)."""

from __future__ import annotations

EVENT_WORDS = {
    "establish": "oprichting",
    "rename": "naamswijziging",
    "move": "verplaatsing",
    "merge": "samenvoeging",
    "absorb": "opgaan",
    "split": "splitsing",
    "transfer_out": "overgang",
    "transfer_in": "overname",
    "dissolve": "opheffing",
    "convert": "omzetting",
    "bundle": "bundeling",
    "change": "wijziging",
    "add_post": "formatieplaats",
    "change_post": "formatiewijziging",
    "remove_post": "vervallen",
    "move_post": "verplaatsing-formatieplaats",
}
