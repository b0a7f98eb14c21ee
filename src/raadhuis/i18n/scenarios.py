"""Words for scenarios and salary tables, Dutch and English; the Dutch of their checks' messages.

Merged into the catalogue by one line at the end of ``i18n/messages.py``. The checks write fixed
English; the patterns below turn each into one Dutch sentence (``i18n/errors``), ahead of the
general ones.
"""

from __future__ import annotations

from raadhuis.i18n import errors as _errors

SCENARIO_MESSAGES: dict[str, dict[str, str]] = {
    "web.kind.scenario": {"nl": "scenario", "en": "scenario"},
    "web.kind.salary_table": {"nl": "salaristabel", "en": "salary table"},
    "scn.status.draft": {"nl": "concept", "en": "draft"},
    "scn.status.submitted": {"nl": "ter besluitvorming", "en": "submitted for decision"},
    "scn.status.decided": {"nl": "besloten", "en": "decided"},
    "scn.status.rejected": {"nl": "verworpen", "en": "rejected"},
    "scn.after.register": {"nl": "bovenop het register", "en": "on top of the register"},
    "scn.after.scenario_only": {"nl": "wat-als (alleen dit scenario)", "en": "what if (this scenario only)"},
    "scn.unknown": {"nl": "onbekend", "en": "unknown"},
    "scn.nav": {"nl": "Scenario's", "en": "Scenarios"},
    "scn.act.move": {"nl": "Een eenheid verplaatsen", "en": "Move a unit"},
    "scn.act.merge": {"nl": "Eenheden samenvoegen tot een nieuwe", "en": "Merge units into a new one"},
    "scn.act.split": {"nl": "Een eenheid splitsen", "en": "Split a unit"},
    "scn.act.establish": {"nl": "Een eenheid oprichten", "en": "Establish a unit"},
    "scn.act.rename": {"nl": "Een eenheid hernoemen", "en": "Rename a unit"},
    "scn.act.dissolve": {"nl": "Een eenheid opheffen", "en": "Dissolve a unit"},
    "scn.act.transfer_out": {
        "nl": "Een eenheid laten overgaan naar een andere organisatie",
        "en": "Transfer a unit to another organisation",
    },
    "scn.page.post": {"nl": "Formatieplaats", "en": "Post"},
    "scn.page.to_org": {"nl": "Naar organisatie", "en": "To organisation"},
    "scn.act.add_post": {"nl": "Een formatieplaats toevoegen", "en": "Add a post"},
    "scn.act.change_post": {
        "nl": "Een formatieplaats wijzigen (fte, schaal, titel)",
        "en": "Change a post (FTE, scale, title)",
    },
    "scn.act.move_post": {"nl": "Een formatieplaats verplaatsen", "en": "Move a post"},
    "scn.act.remove_post": {"nl": "Een formatieplaats laten vervallen", "en": "Remove a post"},
    "scn.act.other": {"nl": "Een andere gebeurtenis (datasetformaat)", "en": "Another event (dataset format)"},
    "scn.page.list": {"nl": "Scenario's van {org}", "en": "Scenarios of {org}"},
    "scn.page.list_intro": {
        "nl": "Een scenario takt de organisatie af op een dag en bevat voorgestelde wijzigingen. Vergelijk scenario's naast elkaar en bevorder het gekozen scenario tot plan met zijn besluit.",
        "en": "A scenario branches the organisation on a day and holds proposed changes. Compare scenarios side by side and promote the chosen one to plan with its decision.",
    },
    "scn.page.list_caption": {"nl": "Scenario's", "en": "Scenarios"},
    "scn.page.pick": {"nl": "Vergelijken", "en": "Compare"},
    "scn.page.pick_one": {"nl": "{name} vergelijken", "en": "Compare {name}"},
    "scn.page.compare_chosen": {"nl": "Gekozen scenario's vergelijken", "en": "Compare the chosen scenarios"},
    "scn.page.compare_help": {"nl": "Kies één tot vier scenario's.", "en": "Choose one to four scenarios."},
    "scn.page.baseline": {"nl": "Uitgangssituatie", "en": "Baseline"},
    "scn.page.owner": {"nl": "Eigenaar", "en": "Owner"},
    "scn.page.new": {"nl": "Nieuw scenario", "en": "New scenario"},
    "scn.page.branch_day": {"nl": "Aftakdag", "en": "Branch day"},
    "scn.page.branch_help": {
        "nl": "Tot en met deze dag is het scenario de organisatie zoals het register haar toont; de wijzigingen van het scenario gaan later in.",
        "en": "Up to and including this day the scenario is the organisation as the register shows it; its changes take effect later.",
    },
    "scn.page.after_branch": {"nl": "Na de aftakdag", "en": "After the branch day"},
    "scn.page.description": {"nl": "Omschrijving", "en": "Description"},
    "scn.page.decide_by": {"nl": "Streefdatum besluit", "en": "Target date of the decision"},
    "scn.page.effective_by": {"nl": "Streefdatum ingang", "en": "Target date it takes effect"},
    "scn.page.make": {"nl": "Scenario maken", "en": "Make the scenario"},
    "scn.page.scenario": {"nl": "{name} op {at}", "en": "{name} on {at}"},
    "scn.page.meta": {"nl": "afgetakt op {day}, {view}, {after}", "en": "branched on {day}, {view}, {after}"},
    "scn.page.promoted_note": {
        "nl": "Bevorderd tot plan met besluit {decision}: de gebeurtenissen staan als besloten in het register.",
        "en": "Promoted to plan with decision {decision}: the events are in the register as decided.",
    },
    "scn.page.see_plan": {"nl": "Bekijk het plan", "en": "See the plan"},
    "scn.page.stale_help": {
        "nl": "Er is sinds het maken van het scenario iets vastgelegd dat de organisatie op de aftakdag of daarna verandert. Niets van het scenario is weg; hieronder staat wat niet meer past.",
        "en": "Since the scenario was made, something was recorded that changes the organisation on the branch day or later. Nothing of the scenario is lost; below is what no longer fits.",
    },
    "scn.page.rebase": {"nl": "Uitgangssituatie bijwerken", "en": "Bring the baseline up to date"},
    "scn.page.conflicts": {"nl": "Wat van het scenario niet past", "en": "What of the scenario does not fit"},
    "scn.page.displaced": {
        "nl": "Latere gebeurtenissen van het register die dan niet passen",
        "en": "Later register events that then do not fit",
    },
    "scn.page.on_day": {"nl": "Organisatie op", "en": "Organisation on"},
    "scn.page.chart": {"nl": "Organogram op {at}", "en": "Organisation chart on {at}"},
    "scn.page.drag_help": {
        "nl": "Sleep een eenheid op een andere om haar daaronder te hangen, of kies hieronder de eenheid en haar nieuwe plek. Gemarkeerd: wat het scenario verandert tegenover de uitgangssituatie op dezelfde dag.",
        "en": "Drag a unit onto another to place it under that one, or choose the unit and its new place below. Marked: what the scenario changes against the baseline on the same day.",
    },
    "scn.page.chart_help": {
        "nl": "Gemarkeerd: wat het scenario verandert tegenover de uitgangssituatie op dezelfde dag.",
        "en": "Marked: what the scenario changes against the baseline on the same day.",
    },
    "scn.page.drop_text": {"nl": "{unit} wordt verplaatst naar {parent} …", "en": "Moving {unit} under {parent} …"},
    "scn.page.totals": {
        "nl": "Scenario: {units} eenheden, {posts} formatieplaatsen, {fte} fte formatie (uitgangssituatie: {base_units} eenheden, {base_fte} fte).",
        "en": "Scenario: {units} units, {posts} posts, {fte} budgeted FTE (baseline: {base_units} units, {base_fte} FTE).",
    },
    "scn.page.no_units": {
        "nl": "Het scenario heeft op deze dag geen eenheden.",
        "en": "The scenario has no units on this day.",
    },
    "scn.page.changes": {"nl": "Wat het scenario verandert", "en": "What the scenario changes"},
    "scn.page.no_changes": {"nl": "Nog niets: voeg een wijziging toe.", "en": "Nothing yet: add a change."},
    "scn.page.edit": {"nl": "Wijzigen", "en": "Change"},
    "scn.page.top": {"nl": "(bovenaan, geen bovenliggende eenheid)", "en": "(at the top, no parent)"},
    "scn.page.move": {"nl": "Verplaatsen", "en": "Move"},
    "scn.page.other_change": {"nl": "Andere wijziging", "en": "Another change"},
    "scn.page.yaml_help": {
        "nl": "Eén gebeurtenis in het datasetformaat (type, datum en wat bij het type hoort; een id mag ontbreken).",
        "en": "One event in the dataset format (type, date and what the type needs; the id may be left out).",
    },
    "scn.page.merge_units": {
        "nl": "Eenheden die samengaan (houd Ctrl ingedrukt voor meer)",
        "en": "Units that merge (hold Ctrl for more)",
    },
    "scn.page.new_name": {"nl": "Naam van de nieuwe eenheid", "en": "Name of the new unit"},
    "scn.page.split_name": {"nl": "Nieuwe eenheid {n}", "en": "New unit {n}"},
    "scn.page.split_help": {
        "nl": "De formatieplaatsen en onderdelen gaan naar de eerste nieuwe eenheid; verdeel ze daarna met 'formatieplaats verplaatsen'.",
        "en": "The posts and sub-units go to the first new unit; divide them afterwards with 'move a post'.",
    },
    "scn.page.scale_help": {
        "nl": "Salarisschaal, bijv. 11; met periodiek: 11/7.",
        "en": "Salary scale, e.g. 11; with a step: 11/7.",
    },
    "scn.page.roles": {"nl": "Rollen", "en": "Roles"},
    "scn.page.staffed_fte": {"nl": "Bezet (fte)", "en": "Staffed (FTE)"},
    "scn.page.person": {"nl": "Naam medewerker", "en": "Employee's name"},
    "scn.page.into": {"nl": "Naar eenheid", "en": "To unit"},
    "scn.page.assumption": {"nl": "Aanname", "en": "Assumption"},
    "scn.page.assumption_help": {
        "nl": "Waarom deze waarde (illustratief, geschat …); cijfers eruit dragen dan het kenmerk 'aanname'.",
        "en": "Why this value (illustrative, estimated …); figures from it then carry the mark 'assumption'.",
    },
    "scn.page.add": {"nl": "Toevoegen aan het scenario", "en": "Add to the scenario"},
    "scn.page.events": {"nl": "Voorgestelde gebeurtenissen", "en": "Proposed events"},
    "scn.page.no_events": {"nl": "Geen gebeurtenissen.", "en": "No events."},
    "scn.page.remove": {"nl": "Weghalen", "en": "Remove"},
    "scn.page.remove_one": {"nl": "{what} weghalen", "en": "Remove {what}"},
    "scn.page.realise": {"nl": "Gerealiseerd", "en": "Realised"},
    "scn.page.realise_one": {"nl": "{what} vastleggen als gerealiseerd", "en": "Record {what} as realised"},
    "scn.page.next": {"nl": "Verder", "en": "Next"},
    "scn.page.compare_with": {"nl": "Vergelijken met", "en": "Compare with"},
    "scn.page.no_others": {"nl": "(nog geen andere scenario's)", "en": "(no other scenarios yet)"},
    "scn.page.compare": {"nl": "Vergelijken", "en": "Compare"},
    "scn.page.copy_name": {"nl": "Naam van de kopie", "en": "Name of the copy"},
    "scn.page.copy": {"nl": "Kopiëren", "en": "Copy"},
    "scn.page.set_status": {"nl": "Status wijzigen", "en": "Change status"},
    "scn.page.promote": {"nl": "Bevorderen tot plan", "en": "Promote to plan"},
    "scn.page.promote_intro": {
        "nl": "De gebeurtenissen van het scenario worden besloten gebeurtenissen in het register, met het besluit hieronder; ze staan dan in de geplande weergave en de tijdlijn. Of ze gebeuren, legt u later per gebeurtenis vast.",
        "en": "The scenario's events become decided events in the register, with the decision below; they then show in the planned view and the timeline. Whether they happen, you record later event by event.",
    },
    "scn.page.promote_events": {"nl": "{n} gebeurtenis(sen)", "en": "{n} event(s)"},
    "scn.page.decision_new": {"nl": "Het besluit", "en": "The decision"},
    "scn.page.decision_body": {"nl": "Orgaan (college, raad, directie …)", "en": "Body (college, council, board …)"},
    "scn.page.decision_date": {"nl": "Datum van het besluit", "en": "Date of the decision"},
    "scn.page.decision_title": {"nl": "Titel", "en": "Title"},
    "scn.page.decision_reference": {"nl": "Kenmerk (bijv. RIS 268795)", "en": "Reference (e.g. RIS 268795)"},
    "scn.page.decision_existing": {
        "nl": "Of een besluit dat al in het register staat",
        "en": "Or a decision already in the register",
    },
    "scn.page.decision_none": {"nl": "(een nieuw besluit, hierboven)", "en": "(a new decision, above)"},
    "scn.page.compare_which": {"nl": "Scenario's", "en": "Scenarios"},
    "scn.page.compare_day": {"nl": "Vergelijkingsdag", "en": "Day to compare"},
    "scn.page.view_of_first": {"nl": "zoals het eerste scenario", "en": "as the first scenario"},
    "scn.page.charges": {"nl": "Werkgeverslasten (%)", "en": "Employer's charges (%)"},
    "scn.page.step_rule": {"nl": "Trede als die niet is vastgelegd", "en": "Step where none is recorded"},
    "scn.page.export_xlsx": {"nl": "Naar Excel", "en": "To Excel"},
    "scn.page.export_pdf": {"nl": "Naar PDF", "en": "To PDF"},
    "scn.page.compare_pick": {
        "nl": "Kies één tot vier scenario's en klik op Vergelijken.",
        "en": "Choose one to four scenarios and click Compare.",
    },
    "scn.mark.added": {"nl": "nieuw", "en": "added"},
    "scn.mark.removed": {"nl": "opgeheven", "en": "removed"},
    "scn.mark.moved": {"nl": "verplaatst", "en": "moved"},
    "scn.mark.renamed": {"nl": "hernoemd", "en": "renamed"},
    "scn.mark.merged": {"nl": "samengevoegd", "en": "merged"},
    "scn.mark.split": {"nl": "gesplitst", "en": "split"},
    "scn.mark.transferred": {"nl": "naar een andere organisatie", "en": "transferred"},
    "scn.mark.transferred_out": {"nl": "naar een andere organisatie", "en": "transferred out"},
    "scn.mark.transferred_in": {"nl": "van een andere organisatie", "en": "transferred in"},
    "scn.mark.converted": {"nl": "omgezet (tijdelijk → definitief)", "en": "converted (temporary → definitive)"},
    "scn.mark.changed": {"nl": "gewijzigd", "en": "changed"},
    "scn.mark.fte_changed": {"nl": "formatie gewijzigd", "en": "FTE changed"},
    "scn.role.manager": {"nl": "leidinggevende", "en": "manager"},
    "scn.role.strategic": {"nl": "strategisch", "en": "strategic"},
    "scn.role.policy": {"nl": "beleid", "en": "policy"},
    "scn.role.execution": {"nl": "uitvoering", "en": "execution"},
    "scn.staffing.employee": {"nl": "eigen personeel", "en": "employee"},
    "scn.staffing.vacancy": {"nl": "vacature", "en": "vacancy"},
    "scn.staffing.external_hire": {"nl": "inhuur", "en": "external hire"},
    "scn.staffing.loan_in": {"nl": "inleen", "en": "loan in"},
    "scn.yes": {"nl": "ja", "en": "yes"},
    "scn.cli.bad_output": {
        "nl": "--output: verwacht een bestand dat eindigt op .xlsx of .pdf; gevonden: '{name}'",
        "en": "--output: expected a file ending in .xlsx or .pdf; found: '{name}'",
    },
    "scn.cli.bad_rule": {
        "nl": "--step-rule: verwacht een van {rules}; gevonden: '{rule}'",
        "en": "--step-rule: expected one of {rules}; found: '{rule}'",
    },
    "scn.bad_export": {
        "nl": "Een vergelijking is er als .xlsx of .pdf, niet als .{fmt}.",
        "en": "A comparison comes as .xlsx or .pdf, not as .{fmt}.",
    },
    "scn.cli.new": {"nl": "Scenario {id} gemaakt, afgetakt op {day}.", "en": "Scenario {id} made, branched on {day}."},
    "scn.cli.none": {"nl": "Nog geen scenario's.", "en": "No scenarios yet."},
    "scn.cli.list_title": {"nl": "Scenario's van {org}", "en": "Scenarios of {org}"},
    "scn.cli.from": {"nl": "Aftakdag", "en": "Branch day"},
    "scn.cli.stale": {"nl": "Uitgangssituatie veranderd", "en": "Baseline changed"},
    "scn.cli.branch": {
        "nl": "Afgetakt op {day} ({view}); de organisatie op {at}:",
        "en": "Branched on {day} ({view}); the organisation on {at}:",
    },
    "scn.cli.totals": {
        "nl": "{units} eenheden, {posts} formatieplaatsen, {fte} fte formatie.",
        "en": "{units} units, {posts} posts, {fte} budgeted FTE.",
    },
    "scn.cli.added": {"nl": "{n} gebeurtenis(sen) vastgelegd: {ids}.", "en": "{n} event(s) recorded: {ids}."},
    "scn.cli.removed": {"nl": "{id} uit het scenario gehaald.", "en": "{id} taken out of the scenario."},
    "scn.cli.copied": {"nl": "Kopie gemaakt: {id}.", "en": "Copy made: {id}."},
    "scn.cli.updated": {
        "nl": "Scenario {id} bijgewerkt (status: {status}).",
        "en": "Scenario {id} updated (status: {status}).",
    },
    "scn.cli.rebased": {"nl": "Uitgangssituatie van {id} bijgewerkt.", "en": "Baseline of {id} brought up to date."},
    "scn.cli.promoted": {
        "nl": "Scenario {id} bevorderd tot plan: {n} besloten gebeurtenis(sen), besluit {decision}.",
        "en": "Scenario {id} promoted to plan: {n} decided event(s), decision {decision}.",
    },
    "scn.cli.realised": {"nl": "{id} vastgelegd als gerealiseerd.", "en": "{id} recorded as realised."},
    "scn.cli.salary_imported": {
        "nl": "{n} salaristabel(len) ingelezen: {ids}.",
        "en": "{n} salary table(s) imported: {ids}.",
    },
    "scn.delta.same": {"nl": "gelijk", "en": "same"},
    "scn.delta.up": {"nl": "meer", "en": "more"},
    "scn.delta.down": {"nl": "minder", "en": "less"},
    "scn.baseline_head": {"nl": "Uitgangssituatie (register, {view})", "en": "Baseline (register, {view})"},
    "scn.sec.figures": {"nl": "Omvang en kosten", "en": "Size and cost"},
    "scn.sec.span": {"nl": "Spanwijdte van leidinggevenden", "en": "Span of control"},
    "scn.sec.pyramid": {"nl": "Lagen (piramide)", "en": "Layers (pyramid)"},
    "scn.sec.task_fields": {
        "nl": "Capaciteit en kwetsbaarheid per taakveld",
        "en": "Capacity and vulnerability per task field",
    },
    "scn.sec.over_time": {"nl": "In de tijd", "en": "Over time"},
    "scn.row.units": {"nl": "Eenheden", "en": "Units"},
    "scn.row.posts": {"nl": "Formatieplaatsen", "en": "Posts"},
    "scn.row.formatie": {"nl": "Formatie (fte)", "en": "Budgeted FTE (formatie)"},
    "scn.row.bezetting": {"nl": "Bezetting (fte)", "en": "Staffed FTE (bezetting)"},
    "scn.row.cost": {"nl": "Personeelslasten formatie per jaar", "en": "Personnel cost of the formation per year"},
    "scn.row.cost_known": {"nl": "Personeelslasten, bekend deel", "en": "Personnel cost, known part"},
    "scn.row.cost_unknown_posts": {
        "nl": "Formatieplaatsen zonder schaal in de tabel",
        "en": "Posts without a scale in the table",
    },
    "scn.row.managers": {"nl": "Leidinggevenden", "en": "Managers"},
    "scn.row.mean_span": {
        "nl": "Directe medewerkers per leidinggevende (gemiddeld)",
        "en": "Direct reports per manager (mean)",
    },
    "scn.row.max_span": {"nl": "Directe medewerkers, hoogste", "en": "Direct reports, highest"},
    "scn.row.formation_mean": {
        "nl": "Formatie per leidinggevende (gemiddeld, fte)",
        "en": "Formation per manager (mean, FTE)",
    },
    "scn.row.formation_max": {
        "nl": "Formatie onder één leidinggevende, hoogste (fte)",
        "en": "Formation under one manager, highest (FTE)",
    },
    "scn.row.layers": {"nl": "Lagen", "en": "Layers"},
    "scn.row.outside_band": {
        "nl": "Leidinggevenden buiten de band {low}–{high}",
        "en": "Managers outside the band {low}–{high}",
    },
    "scn.row.bucket": {
        "nl": "Leidinggevenden met {bucket} directe medewerkers",
        "en": "Managers with {bucket} direct reports",
    },
    "scn.row.layer_managers": {"nl": "Laag {n}: leidinggevenden", "en": "Layer {n}: managers"},
    "scn.row.layer_formation": {
        "nl": "Laag {n}: formatie direct eronder (fte)",
        "en": "Layer {n}: formation directly below (FTE)",
    },
    "scn.row.staffed": {"nl": "bezet (fte)", "en": "staffed (FTE)"},
    "scn.row.gap": {"nl": "verschil met de vraag van {demand} fte", "en": "gap against the demand of {demand} FTE"},
    "scn.row.vulnerability": {"nl": "kwetsbaarheid (0–100)", "en": "vulnerability (0–100)"},
    "scn.note.staffing_unknown": {
        "nl": "Van formatieplaatsen zonder vastgelegde bezetting is de bezetting onbekend (niet nul).",
        "en": "For posts without recorded staffing the staffing is unknown (not zero).",
    },
    "scn.note.span_unknown": {
        "nl": "Waar de bezetting niet is vastgelegd, is het aantal directe medewerkers onbekend; de formatie per leidinggevende telt elke formatieplaats alsof zij bezet is.",
        "en": "Where staffing is not recorded, the number of direct reports is unknown; the formation per manager counts every post as if filled.",
    },
    "scn.note.pyramid": {
        "nl": "Laag 1 is de hoogste leidinggevende; elke laag telt de leidinggevenden en de formatie die direct onder hen valt.",
        "en": "Layer 1 is the top manager; each layer counts the managers and the formation directly below them.",
    },
    "scn.note.task_fields": {
        "nl": "Bezette fte per taakveld tegenover de vraag (ingevoerd en uit opgaven); een score alleen waar de gegevens volstaan.",
        "en": "Staffed FTE per task field against demand (entered and from challenges); a score only where the data suffice.",
    },
    "scn.staff_line": {"nl": "{person}: {before} → {after} ({what})", "en": "{person}: {before} → {after} ({what})"},
    "scn.staff.unit": {"nl": "andere eenheid", "en": "other unit"},
    "scn.staff.manager": {"nl": "andere leidinggevende", "en": "other manager"},
    "scn.staff.post_gone": {"nl": "functie vervalt", "en": "post lapses"},
    "scn.post_gone": {"nl": "functie vervalt", "en": "post lapses"},
    "scn.table_note.shipped": {
        "nl": "Salarisbedragen: {name}, gepubliceerd door {publisher} ({url}).",
        "en": "Salary amounts: {name}, published by {publisher} ({url}).",
    },
    "scn.table_note.own": {
        "nl": "Salarisbedragen: {name} (geldig vanaf {valid}).",
        "en": "Salary amounts: {name} (valid from {valid}).",
    },
    "scn.table_note.illustrative": {
        "nl": "Deze tabel is illustratief: elke kostenpost eruit draagt het kenmerk 'aanname'.",
        "en": "This table is illustrative: every cost figure from it carries the mark 'assumption'.",
    },
    "scn.assumption.formatie": {
        "nl": "{name}: formatieplaatsen en fte rusten op aannames — {why}",
        "en": "{name}: posts and FTE rest on assumptions — {why}",
    },
    "scn.table_note.none": {
        "nl": "Er is geen salaristabel: de kosten zijn onbekend.",
        "en": "There is no salary table: costs are unknown.",
    },
    "scn.compare_title": {"nl": "Scenario's van {org} vergeleken op {at}", "en": "Scenarios of {org} compared on {at}"},
    "scn.compare_sub": {
        "nl": "Uitgangssituatie: het register ({view}). Kosten met {charges}% werkgeverslasten, trede: {rule}.",
        "en": "Baseline: the register ({view}). Cost with {charges}% employer's charges, step: {rule}.",
    },
    "scn.rule.maximum": {"nl": "maximum van de schaal", "en": "the scale's maximum"},
    "scn.rule.middle": {"nl": "midden van de schaal", "en": "the middle of the scale"},
    "scn.rule.minimum": {"nl": "begin van de schaal", "en": "the start of the scale"},
    "scn.xlsx.sheet_compare": {"nl": "Vergelijking", "en": "Comparison"},
    "scn.xlsx.sheet_per": {"nl": "Per scenario", "en": "Per scenario"},
    "scn.xlsx.sheet_assumptions": {"nl": "Aannames", "en": "Assumptions"},
    "scn.xlsx.subject": {"nl": "Onderwerp", "en": "Subject"},
    "scn.xlsx.delta": {"nl": "Verschil: {name}", "en": "Difference: {name}"},
    "scn.stale": {
        "nl": "De uitgangssituatie is veranderd sinds het scenario is gemaakt.",
        "en": "The baseline changed since the scenario was made.",
    },
    "scn.conflicts": {"nl": "Past niet", "en": "Does not fit"},
    "scn.displaced": {
        "nl": "Latere gebeurtenis van het register past dan niet",
        "en": "A later register event then does not fit",
    },
    "scn.unit_changes": {"nl": "Eenheden die veranderen", "en": "Units that change"},
    "scn.cooperations": {"nl": "Samenwerkingen die het raakt", "en": "Cooperations affected"},
    "scn.staff": {
        "nl": "Medewerkers met een andere eenheid of leidinggevende",
        "en": "Staff with another unit or manager",
    },
    "scn.none": {"nl": "geen", "en": "none"},
    "scn.assumptions": {"nl": "Aannames", "en": "Assumptions"},
    "scn.pdf.legend": {
        "nl": "Onder elk cijfer van een scenario staat het verschil met de uitgangssituatie in woorden (meer, minder, gelijk); de achtergrondkleur volgt dat. '(aanname)': het cijfer rust op een aanname (zie onderaan).",
        "en": "Under each figure of a scenario is the difference from the baseline in words (more, less, same); the background colour follows it. '(assumption)': the figure rests on an assumption (see the end).",
    },
    "scn.pdf.per_scenario": {"nl": "Per scenario", "en": "Per scenario"},
    "scn.pdf.page": {"nl": "pagina {n}", "en": "page {n}"},
    "scn.pyramid_title": {"nl": "Lagen van leidinggevenden: {name}", "en": "Layers of managers: {name}"},
    "scn.pyramid_label": {
        "nl": "laag {n}: {managers} lg., {fte} fte eronder",
        "en": "layer {n}: {managers} mgr., {fte} FTE below",
    },
    "scn.no_managers": {"nl": "geen leidinggevenden vastgelegd", "en": "no managers recorded"},
    "scn.pyramid_bar": {"nl": "laag {n}: {managers} lg.", "en": "layer {n}: {managers} mgr."},
    "scn.note.no_task_fields": {
        "nl": "Geen eenheid draagt een taakveld: capaciteit en kwetsbaarheid per taakveld zijn niet te bepalen.",
        "en": "No unit carries a task field: capacity and vulnerability per task field cannot be determined.",
    },
}

ERROR_PATTERNS: list[tuple[str, str]] = [
    (r"expected a file with events or --event", r"verwacht een bestand met gebeurtenissen of --event"),
    (
        r"expected a date after the branch day (\S+), got (\S+): a scenario changes the organisation from the day "
        r"after it branches",
        r"verwacht een datum na de aftakdag \1; gevonden: \2 (een scenario verandert de organisatie vanaf de dag na "
        r"de aftakdag)",
    ),
    (
        r"a scenario's events are proposals: expected status 'proposed', got '(.+?)'",
        r"de gebeurtenissen van een scenario zijn voorstellen: verwacht status 'voorgesteld'; gevonden: '\1'",
    ),
    (
        r"event id '(.+?)' is given twice in the scenario \(also at (.+)\)",
        r"gebeurtenis-id '\1' staat twee keer in het scenario (ook bij \2)",
    ),
    (
        r"event id '(.+?)' is already an event of (\S+) in the register; a proposal needs an id of its own",
        r"gebeurtenis-id '\1' is al een gebeurtenis van \2 in het register; een voorstel heeft een eigen id nodig",
    ),
    (r"event id '(.+?)' is already an event of the register", r"gebeurtenis-id '\1' staat al in het register"),
    (
        r"expected the scenario's organisation '(.+?)', got '(.+?)'",
        r"verwacht de organisatie van het scenario '\1'; gevonden: '\2'",
    ),
    (
        r"scenario '(.+?)' was promoted to plan \(decision (.+?)\); it is not changed any more: copy it to go on",
        r"scenario '\1' is bevorderd tot plan (besluit \2) en verandert niet meer: kopieer het om verder te gaan",
    ),
    (
        r"the organisation on the branch day changed since the scenario was made; look at the changes and rebase "
        r"the scenario before promoting it",
        r"de uitgangssituatie is veranderd sinds het scenario is gemaakt; bekijk de wijzigingen en werk het "
        r"uitgangspunt bij voordat u het scenario bevordert",
    ),
    (r"expected one to four scenarios to compare", r"verwacht één tot vier scenario's om te vergelijken"),
    (r"expected at most (\d+) scenarios, got (\d+)", r"verwacht hoogstens \1 scenario's; gevonden: \2"),
    (
        r"scenario '(.+?)' branches on (\S+): compare on that day or later, not (\S+)",
        r"scenario '\1' takt af op \2: vergelijk op die dag of later, niet op \3",
    ),
    (r"the decision needs its body", r"het besluit heeft een orgaan nodig (college, raad, …)"),
    (r"the decision needs its date", r"het besluit heeft een datum nodig"),
    (r"the decision needs its title", r"het besluit heeft een titel nodig"),
    (r"unknown decision '(.+?)'", r"onbekend besluit '\1'"),
    (r"expected the scenario's name", r"verwacht de naam van het scenario"),
    (r"expected the day the scenario branches from", r"verwacht de dag waarop het scenario aftakt"),
    (r"expected the day the scenario branches from \('from'\)", r"verwacht de aftakdag ('from')"),
    (
        r"a scenario becomes decided by promoting it to plan, with its decision",
        r"een scenario wordt besloten door het met zijn besluit tot plan te bevorderen",
    ),
    (r"a (\w+) scenario cannot become (\w+)", r"een scenario met status \1 kan niet \2 worden"),
    (
        r"register event '(.+?)' \((.+?), (.+?)\) would no longer fit the plan: (.+)",
        r"gebeurtenis '\1' van het register (\2, \3) past dan niet meer in het plan: \4",
    ),
    (r"the scenario holds no events to promote", r"het scenario heeft geen gebeurtenissen om te bevorderen"),
    (
        r"scenario '(.+?)' was rejected; copy it or make it a concept again",
        r"scenario '\1' is verworpen; kopieer het of maak het weer concept",
    ),
    (
        r"scenario '(.+?)' changed since version (\d+) \(now (\d+)\)",
        r"scenario '\1' is gewijzigd sinds versie \2 (nu \3)",
    ),
    (r"scenario '(.+?)' changed meanwhile; look again", r"scenario '\1' is intussen gewijzigd; kijk opnieuw"),
    (r"scenario '(.+?)' already exists in (\S+)", r"scenario '\1' bestaat al in \2"),
    (r"scenario '(.+?)' is given twice \(also at (.+)\)", r"scenario '\1' staat twee keer in het bestand (ook bij \2)"),
    (
        r"'(.+?)' is not an event this scenario was promoted into",
        r"'\1' is geen gebeurtenis waartoe dit scenario is bevorderd",
    ),
    (r"expected at least one event", r"verwacht minstens één gebeurtenis"),
    (
        r"expected an event in the dataset format \(a mapping with id, type and date\)",
        r"verwacht een gebeurtenis in het datasetformaat (met id, type en datum)",
    ),
    (r"an event needs '(\w+)'", r"een gebeurtenis heeft '\1' nodig"),
    (r"not events of the scenario: (.+)", r"geen gebeurtenissen van het scenario: \1"),
    (
        r"expected the change to take effect on or after the decision's target date",
        r"verwacht dat de verandering ingaat op of na de streefdatum van het besluit",
    ),
    (
        r"a promoted scenario is decided; expected status 'decided', got '(.+?)'",
        r"een bevorderd scenario is besloten; verwacht status 'besloten'; gevonden: '\1'",
    ),
    (r"expected a number such as 0\.8, got (.+)", r"verwacht een getal zoals 0,8; gevonden: \1"),
    (r"choose at least two units that merge", r"kies minstens twee eenheden die samengaan"),
    (
        r"give at least two names for the units it splits into",
        r"geef minstens twee namen voor de eenheden waarin zij splitst",
    ),
    (r"fill in at least one of FTE, scale, title", r"vul minstens één in: fte, schaal of titel"),
    (r"expected one event: a mapping with type and date", r"verwacht één gebeurtenis: met type en datum"),
    # salary tables
    (
        r"expected a monthly amount above 0 such as (\S+), got (.+)",
        r"verwacht een maandbedrag boven 0 zoals \1; gevonden: \2",
    ),
    (
        r"expected a salary scale such as 8, 10A or 11, got (.+)",
        r"verwacht een salarisschaal zoals 8, 10A of 11; gevonden: \1",
    ),
    (
        r"expected a step as a whole number from 0, got (.+)",
        r"verwacht een periodiek als geheel getal vanaf 0; gevonden: \1",
    ),
    (
        r"expected a day such as 2020-07-01 or 1-7-2020, got (.+)",
        r"verwacht een dag zoals 1-7-2020 of 2020-07-01; gevonden: \1",
    ),
    (
        r"expected a header row with the columns (.+); missing: (.+)",
        r"verwacht een kopregel met de kolommen \1; ontbreekt: \2",
    ),
    (
        r"scale (\S+) step (\d+) from (\S+) is given twice \(also on row (\d+)\)",
        r"schaal \1 periodiek \2 vanaf \3 staat twee keer in het bestand (ook op rij \4)",
    ),
    (r"the file holds no rows", r"het bestand bevat geen regels"),
    (r"the file holds a header row but no amounts", r"het bestand heeft een kopregel maar geen bedragen"),
    (r"expected a CSV file in UTF-8", r"verwacht een CSV-bestand in UTF-8"),
    (r"not a readable Excel file \(\.xlsx\): (.+)", r"geen leesbaar Excel-bestand (.xlsx): \1"),
    (
        r"say where the table comes from \(--source with the publication's title\) or that it is illustrative "
        r"\(--illustrative with the reason\)",
        r"zeg waar de tabel vandaan komt (de titel van de publicatie) of dat zij illustratief is (met de reden)",
    ),
    (
        r"expected the publication the table comes from \(sources\), or 'assumption' saying it is illustrative",
        r"verwacht de publicatie waar de tabel uit komt (bronnen), of een aanname die zegt dat zij illustratief is",
    ),
    (r"unknown salary table '(.+?)'; known: (.*)", r"onbekende salaristabel '\1'; bekend: \2"),
    (r"expected a step rule among (.+), got (.+)", r"verwacht een tredenregel uit \1; gevonden: \2"),
    (
        r"expected a percentage between 0 and 200, got (.+)",
        r"verwacht een percentage tussen 0 en 200; gevonden: \1",
    ),
]

WRAPPERS: list[tuple[str, str]] = [
    (r"without (\S+), event (\S+) would no longer fit: (.+)", "zonder {0} past gebeurtenis {1} niet meer: {2}"),
]

_errors.add_patterns(ERROR_PATTERNS)
_errors.add_wrappers(WRAPPERS)
