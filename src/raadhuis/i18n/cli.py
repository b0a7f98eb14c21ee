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
    "cli.fte": {"nl": "fte", "en": "FTE"},
    # Usage errors and stray errors (cli/errors.py)
    "cli.usage_help": {"nl": "Hulp: {command} --help", "en": "Help: {command} --help"},
    "cli.aborted": {"nl": "Afgebroken; er is niets opgeslagen.", "en": "Aborted; nothing was written."},
    "cli.unexpected": {
        "nl": "er ging iets mis in Raadhuis zelf ({error}); er is niets opgeslagen. Meld dit graag, met het commando dat u gaf.",
        "en": "something went wrong inside Raadhuis ({error}); nothing was written. Please report it, with the command you gave.",
    },
    "cli.debug_hint": {
        "nl": "De technische details ziet u met RAADHUIS_DEBUG=1 voor het commando.",
        "en": "Set RAADHUIS_DEBUG=1 before the command to see the technical details.",
    },
    "cli.bad_moment": {
        "nl": "verwacht een datum als 31-12-2011 of 2011-12-31, of een tijdstip als 2011-12-31T12:00; gevonden: {value!r}",
        "en": "expected a date such as 31-12-2011 or 2011-12-31, or a moment such as 2011-12-31T12:00; got: {value!r}",
    },
    # Operating-system errors, in words (cli/errors.py)
    "os.missing": {"nl": "{file} bestaat niet.", "en": "{file} does not exist."},
    "os.folder": {"nl": "{file} is een map, geen bestand.", "en": "{file} is a folder, not a file."},
    "os.not_folder": {"nl": "een deel van {file} is geen map.", "en": "a part of {file} is not a folder."},
    "os.permission": {
        "nl": "geen toestemming om {file} te lezen of te schrijven.",
        "en": "no permission to read or write {file}.",
    },
    "os.disk_full": {"nl": "de schijf is vol ({file}).", "en": "the disk is full ({file})."},
    "os.address_in_use": {"nl": "het adres is al in gebruik.", "en": "the address is already in use."},
    "os.other": {
        "nl": "het besturingssysteem kon {file} niet lezen of schrijven.",
        "en": "the operating system could not read or write {file}.",
    },
    # A file given to a command (cli/base.py _input_file, _fail_kind)
    "file.missing": {
        "nl": "het bestand {file} bestaat niet (gezocht in {folder}). Verwacht: {expected}.",
        "en": "the file {file} does not exist (looked in {folder}). Expected: {expected}.",
    },
    "file.no_folder": {
        "nl": "de map {folder} bestaat niet, dus het bestand {file} ook niet. Verwacht: {expected}.",
        "en": "the folder {folder} does not exist, so neither does the file {file}. Expected: {expected}.",
    },
    "file.is_folder": {
        "nl": "{file} is een map, geen bestand. Verwacht: {expected}; geef een bestand in die map.",
        "en": "{file} is a folder, not a file. Expected: {expected}; give a file in that folder.",
    },
    "file.in_folder": {"nl": "In die map staan onder meer: {names}", "en": "That folder holds, among others: {names}"},
    "file.no_permission": {
        "nl": "geen toestemming om {file} te lezen. Verwacht: {expected}.",
        "en": "no permission to read {file}. Expected: {expected}.",
    },
    "file.wrong_kind": {
        "nl": "{file} is {kind}, geen {expected}.",
        "en": "{file} is {kind}, not {expected}.",
    },
    "expected.dataset": {
        "nl": "dataset (YAML of JSON) of W3C ORG (Turtle of JSON-LD)",
        "en": "a dataset (YAML or JSON) or W3C ORG (Turtle or JSON-LD)",
    },
    "expected.excel": {
        "nl": "een formatieplan of HR-export als Excel-werkmap (.xlsx) of CSV-bestand",
        "en": "a formatieplan or HR export as an Excel workbook (.xlsx) or CSV file",
    },
    "expected.cbs": {
        "nl": "de CBS-gemeentelijke indeling als XML, of een CBS-tabel (.xlsx of .csv)",
        "en": "the CBS classification of municipalities as XML, or a CBS table (.xlsx or .csv)",
    },
    "expected.peers": {
        "nl": "vergelijkingscijfers als CSV (cbs_code;year;indicator;value)",
        "en": "peer figures as CSV (cbs_code;year;indicator;value)",
    },
    "expected.salary": {
        "nl": "een salaristabel als CSV of Excel (schaal, periodiek, maandbedrag, geldig_vanaf)",
        "en": "a salary table as CSV or Excel (scale, step, monthly amount, valid from)",
    },
    "expected.mapping": {"nl": "een kolomindeling (.json of .yaml)", "en": "a column mapping (.json or .yaml)"},
    "kind.xlsx": {"nl": "een Excel-werkmap", "en": "an Excel workbook"},
    "kind.csv": {"nl": "een CSV-bestand", "en": "a CSV file"},
    "kind.cbs-xml": {
        "nl": "de CBS-gemeentelijke indeling (XML)",
        "en": "the CBS classification of municipalities (XML)",
    },
    "kind.xml": {"nl": "een XML-bestand", "en": "an XML file"},
    "kind.pdf": {"nl": "een PDF-document", "en": "a PDF document"},
    "kind.word": {"nl": "een Word-document", "en": "a Word document"},
    "kind.ods": {"nl": "een OpenDocument-rekenblad", "en": "an OpenDocument spreadsheet"},
    "kind.old-office": {"nl": "een oud Office-bestand (.xls of .doc)", "en": "an old Office file (.xls or .doc)"},
    "kind.image": {"nl": "een afbeelding", "en": "an image"},
    "kind.html": {"nl": "een webpagina (HTML)", "en": "a web page (HTML)"},
    "kind.zip": {"nl": "een zip-archief", "en": "a zip archive"},
    "kind.binary": {"nl": "een bestand dat geen tekst is", "en": "a file that is not text"},
    "kind.empty": {"nl": "een leeg bestand", "en": "an empty file"},
    "hint.import_excel": {
        "nl": "Een formatieplan in Excel of CSV leest u in met: raadhuis import-excel {file} --org ORGANISATIE --at DATUM --dry-run",
        "en": "Read a formatieplan in Excel or CSV with: raadhuis import-excel {file} --org ORGANISATION --at DATE --dry-run",
    },
    "hint.import_cbs": {
        "nl": "De CBS-indeling leest u in met: raadhuis import-cbs {file}",
        "en": "Read the CBS classification with: raadhuis import-cbs {file}",
    },
    "hint.save_as_xlsx": {
        "nl": "Sla het op als Excel-werkmap (.xlsx) en lees het in met: raadhuis import-excel BESTAND.xlsx --org ORGANISATIE --at DATUM --dry-run",
        "en": "Save it as an Excel workbook (.xlsx) and read it with: raadhuis import-excel FILE.xlsx --org ORGANISATION --at DATE --dry-run",
    },
    "hint.template": {
        "nl": "Een voorbeeld om in te vullen maakt u met: raadhuis template dataset -o mijn-organisatie.yaml",
        "en": "Make an example to fill in with: raadhuis template dataset -o my-organisation.yaml",
    },
    # raadhuis template (services/templates.py)
    "template.default_name": {"nl": "Mijn gemeente", "en": "My municipality"},
    "template.description": {
        "nl": "Startdataset van {name}, gemaakt met raadhuis template dataset; vul aan en pas aan.",
        "en": "Starting dataset of {name}, made with raadhuis template dataset; fill in and adjust.",
    },
    "template.source_title": {"nl": "Organogram {name}", "en": "Organisation chart of {name}"},
    "template.sheet": {"nl": "Formatieplan", "en": "Formatieplan"},
    "template.notes_sheet": {"nl": "Toelichting", "en": "Explanation"},
    "template.notes": {
        "nl": "Formatieplan om in te vullen — {org}, stand per {day}\n"
        "Op het blad '{sheet}' staat één regel per bezetting van een formatieplaats. De formatie (fte) staat op de "
        "eerste regel van een plaats; een tweede bezettingsregel van dezelfde plaats laat de formatie leeg.\n"
        "Wijzig een formatie, schaal of bezetting in de cel zelf. Een nieuwe plaats: een nieuwe regel met een nieuw "
        "nummer in de kolom Formatieplaats. Een nieuwe eenheid: een nieuw pad (bijvoorbeeld Directie / Sociaal "
        "Domein / Team Jeugd).\n"
        "Soort bezetting: eigen personeel, vacature, inhuur, inleen of detachering.\n"
        "Kijk eerst wat er verandert, zonder iets op te slaan: raadhuis import-excel BESTAND --org {org} --at {day} "
        "--dry-run\n"
        'Sla daarna op met een reden: raadhuis import-excel BESTAND --org {org} --at {day} -m "formatieplan"\n'
        "Het blad Eenheden is ter naslag: de eenheden met hun pad. Uitleg van de kolommen: docs/excel.md.",
        "en": "Formatieplan to fill in — {org}, as of {day}\n"
        "The sheet '{sheet}' has one row per staffing line of a post. The budget (FTE) is on a post's first line; "
        "a second staffing line of the same post leaves the budget empty.\n"
        "Change a budget, scale or staffing in its cell. A new post: a new row with a new number in the column "
        "Formatieplaats (post). A new unit: a new path (for example Directie / Sociaal Domein / Team Jeugd).\n"
        "Staffing kind: employee, vacancy, external hire, loan in or secondment out.\n"
        "First see what changes, without saving anything: raadhuis import-excel FILE --org {org} --at {day} "
        "--dry-run\n"
        'Then save with a reason: raadhuis import-excel FILE --org {org} --at {day} -m "formatieplan"\n'
        "The sheet Units is for reference: the units with their path. The columns are explained in docs/excel.md.",
    },
    "template.written": {"nl": "Sjabloon geschreven: {file}", "en": "Template written: {file}"},
    "template.next_dataset": {
        "nl": "Vul het in en controleer het met: raadhuis validate {file}",
        "en": "Fill it in and check it with: raadhuis validate {file}",
    },
    "template.next_formatieplan": {
        "nl": "Pas de formatie aan en kijk wat er verandert met: raadhuis import-excel {file} --org {org} --at {day} --dry-run",
        "en": "Adjust the posts and see what changes with: raadhuis import-excel {file} --org {org} --at {day} --dry-run",
    },
    "template.exists": {
        "nl": "{file} bestaat al; er is niets overschreven. Kies een andere naam met -o, of geef --force.",
        "en": "{file} already exists; nothing was overwritten. Choose another name with -o, or give --force.",
    },
    "template.needs_output": {
        "nl": "een formatieplan is een Excel-werkmap: geef een bestandsnaam met -o, bijvoorbeeld -o formatieplan.xlsx",
        "en": "a formatieplan is an Excel workbook: give a file name with -o, for example -o formatieplan.xlsx",
    },
    # serve: where the server cannot listen (cli/serve.py)
    "serve.port_in_use": {
        "nl": "poort {port} op {host} is al in gebruik (draait Raadhuis of een ander programma daar al? "
        "Open dan http://{host}:{port}). Kies een andere poort met --port, bijvoorbeeld: raadhuis serve --port {free}",
        "en": "port {port} on {host} is already in use (is Raadhuis or another program running there? "
        "Then open http://{host}:{port}). Choose another port with --port, for example: raadhuis serve --port {free}",
    },
    "serve.port_denied": {
        "nl": "geen toestemming om poort {port} te openen (poorten onder 1024 zijn voorbehouden). "
        "Kies een poort vanaf 1024 met --port, bijvoorbeeld: raadhuis serve --port 8000",
        "en": "no permission to open port {port} (ports below 1024 are reserved). "
        "Choose a port from 1024 with --port, for example: raadhuis serve --port 8000",
    },
    "serve.bad_host": {
        "nl": "het adres {host} is niet van deze computer. Laat --host weg (alleen deze computer) of geef een adres van deze computer.",
        "en": "the address {host} is not one of this computer's. Leave out --host (this computer only) or give one of its addresses.",
    },
    "serve.cannot_listen": {
        "nl": "de server kan niet luisteren op {host}:{port}. Kies een andere poort met --port.",
        "en": "the server cannot listen on {host}:{port}. Choose another port with --port.",
    },
    # Not found, with the closest names (cli/base.py _fail_not_found)
    "cli.not_found": {"nl": "{what} '{ref}' niet gevonden.", "en": "{what} '{ref}' not found."},
    "cli.did_you_mean": {"nl": "Bedoelt u: {names}?", "en": "Did you mean: {names}?"},
    "cli.see_orgs": {"nl": "Alle organisaties: raadhuis orgs", "en": "All organisations: raadhuis orgs"},
    "cli.see_units": {
        "nl": "De eenheden op een datum: raadhuis show {org} --at DATUM",
        "en": "The units on a day: raadhuis show {org} --at DATE",
    },
    "what.organisation": {"nl": "organisatie", "en": "organisation"},
    "what.unit": {"nl": "eenheid", "en": "unit"},
}
