"""Words of the command line that no other door uses (the shared ones are in messages.py)."""

from __future__ import annotations

CLI_MESSAGES: dict[str, dict[str, str]] = {
    "import.unchanged": {
        "nl": "Niets gewijzigd: {file} is gelijk aan wat er al is vastgelegd; er is geen wijziging gemaakt.",
        "en": "Nothing changed: {file} equals what is recorded; no changeset was made.",
    },
    "cli.retracted": {"nl": "ingetrokken", "en": "retracted"},
    "cli.retract.ok": {
        "nl": "Ingetrokken: {event} (blijft in het logboek bewaard).",
        "en": "Retracted: {event} (kept in the log).",
    },
    "cli.temporary": {"nl": "tijdelijk", "en": "temporary"},
    "cli.written": {"nl": "Geschreven: {file}", "en": "Written: {file}"},
    "cli.no_changes": {"nl": "Geen wijzigingen.", "en": "No changes."},
    "cli.export_needs_org": {
        "nl": "xlsx/csv: geef een organisatie en --output",
        "en": "xlsx/csv: give an organisation and --output",
    },
    "cli.cbs_imported": {"nl": "{n} perioden ingelezen uit {file}", "en": "{n} periods imported from {file}"},
    "cli.no_cbs": {
        "nl": "Geen CBS-indeling in het register; lees die eerst in met: raadhuis import-cbs BESTAND",
        "en": "No CBS classification in the register; import it first: raadhuis import-cbs FILE",
    },
    "cli.peers_imported": {
        "nl": "{rows} vergelijkingscijfers ingelezen uit {file} ({added} nieuw, {changed} gewijzigd)",
        "en": "{rows} peer figures imported from {file} ({added} new, {changed} changed)",
    },
    "cli.assumptions": {"nl": "Aannames: {n}", "en": "Assumptions: {n}"},
    "cli.unsupported": {"nl": "Zonder bron en zonder aanname: {n}", "en": "Without source or assumption: {n}"},
    "cli.page": {"nl": "p.", "en": "p."},
}
