"""Words of the form for a new organisation (no ids, no YAML), Dutch and English.

Merged into the catalogue by one line at the end of ``i18n/messages.py``."""

from __future__ import annotations

NEW_ORG_MESSAGES: dict[str, dict[str, str]] = {
    "org.new": {"nl": "Nieuwe organisatie", "en": "New organisation"},
    "org.new_intro": {
        "nl": "Vul de naam, de soort, de startdatum en de eerste bovenste eenheid in en bekijk wat er wordt "
        "vastgelegd. Pas daarna slaat u op, met een reden; niets wordt bewaard zolang er een fout in staat.",
        "en": "Fill in the name, the kind, the start date and the first top unit and look at what will be "
        "recorded. Only then do you save, with a reason; nothing is stored while there is an error.",
    },
    "org.f.name": {"nl": "Naam", "en": "Name"},
    "org.f.kind": {"nl": "Soort organisatie", "en": "Kind of organisation"},
    "org.f.cbs_code": {"nl": "CBS-code", "en": "CBS code"},
    "org.f.cbs_help": {
        "nl": "GM en vier cijfers, bijv. GM0168; verplicht voor een gemeente.",
        "en": "GM and four digits, e.g. GM0168; required for a municipality.",
    },
    "org.f.province": {"nl": "Provincie", "en": "Province"},
    "org.f.date": {"nl": "Startdatum", "en": "Start date"},
    "org.f.unit_name": {"nl": "Eerste bovenste eenheid", "en": "First top unit"},
    "org.f.unit_help": {
        "nl": "De naam van de eenheid bovenaan het organogram, bijv. Concernstaf of Directie.",
        "en": "The name of the unit at the top of the chart, e.g. Concernstaf or Directie.",
    },
    "org.f.unit_kind": {"nl": "Soort eenheid", "en": "Kind of unit"},
    "org.f.source_title": {"nl": "Bron (titel van het document)", "en": "Source (title of the document)"},
    "org.f.source_url": {"nl": "Webadres van de bron", "en": "Web address of the source"},
    "org.f.other": {"nl": "Overig", "en": "Other"},
    "org.f.evidence": {"nl": "Bron", "en": "Source"},
    "org.kind.gemeente": {"nl": "gemeente", "en": "municipality"},
    "org.kind.gemeenschappelijke_regeling": {"nl": "gemeenschappelijke regeling", "en": "joint arrangement"},
    "org.kind.provincie": {"nl": "provincie", "en": "province"},
    "org.kind.waterschap": {"nl": "waterschap", "en": "water authority"},
    "org.kind.overig": {"nl": "andere organisatie", "en": "other organisation"},
    "org.kind.rekenkamercommissie": {"nl": "rekenkamercommissie", "en": "audit committee"},
    "org.kind.rekenkamer": {"nl": "rekenkamer", "en": "audit office"},
    # unit kinds in words (the stored name is a key, never shown; issue 13)
    "unit.kind.concern": {"nl": "concern", "en": "whole organisation"},
    "unit.kind.domein": {"nl": "domein", "en": "domain"},
    "unit.kind.cluster": {"nl": "cluster", "en": "cluster"},
    "unit.kind.directie": {"nl": "directie", "en": "directorate"},
    "unit.kind.dienst": {"nl": "dienst", "en": "service"},
    "unit.kind.afdeling": {"nl": "afdeling", "en": "department"},
    "unit.kind.team": {"nl": "team", "en": "team"},
    "unit.kind.bureau": {"nl": "bureau", "en": "office"},
    "unit.kind.programma": {"nl": "programma", "en": "programme"},
    "unit.kind.staf": {"nl": "staf", "en": "staff unit"},
    "org.effect": {"nl": "Wat er wordt vastgelegd", "en": "What will be recorded"},
    "org.said.org": {"nl": "Een nieuwe organisatie {name} ({kind})", "en": "A new organisation {name} ({kind})"},
    "org.said.cbs": {"nl": ", CBS-code {code}", "en": ", CBS code {code}"},
    "org.said.unit": {
        "nl": "Vanaf {day} met als bovenste eenheid {unit} ({kind})",
        "en": "From {day} with {unit} ({kind}) as its top unit",
    },
    "org.said.source": {"nl": "Bron: {title}", "en": "Source: {title}"},
    "org.save": {"nl": "Organisatie opslaan", "en": "Save the organisation"},
    "org.err.name": {"nl": "vul de naam van de organisatie in", "en": "fill in the organisation's name"},
    "org.err.kind": {
        "nl": "kies een soort organisatie uit de lijst",
        "en": "pick a kind of organisation from the list",
    },
    "org.err.cbs": {
        "nl": "verwacht GM en vier cijfers (bijv. GM0168), niet '{code}'",
        "en": "expected GM and four digits (e.g. GM0168), not '{code}'",
    },
    "org.err.cbs_needed": {
        "nl": "een gemeente heeft een CBS-code (GM en vier cijfers)",
        "en": "a municipality has a CBS code (GM and four digits)",
    },
    "org.err.date": {"nl": "vul de startdatum in, bijv. 1-1-2012", "en": "fill in the start date, e.g. 1-1-2012"},
    "org.err.unit_name": {
        "nl": "vul de naam van de bovenste eenheid in",
        "en": "fill in the name of the top unit",
    },
    "org.err.unit_kind": {"nl": "kies een soort eenheid uit de lijst", "en": "pick a kind of unit from the list"},
    "org.err.source": {
        "nl": "noem de bron waaruit deze organisatie blijkt",
        "en": "name the source this organisation comes from",
    },
    "org.err.exists": {
        "nl": "deze organisatie staat al in het register ({id})",
        "en": "this organisation is already in the register ({id})",
    },
    "org.err.reason": {"nl": "vul een reden in voor deze wijziging", "en": "fill in a reason for this change"},
}
NEW_ORG_MESSAGES |= {
    "coop.new": {"nl": "Nieuw samenwerkingsverband", "en": "New cooperation"},
    # the cooperations table (issue 13: a period in words, the roles in English when asked)
    "coop.start_unknown": {"nl": "begin onbekend", "en": "start unknown"},
    "coop.end_unknown": {"nl": "einde onbekend", "en": "end unknown"},
    "coop.period_unknown": {"nl": "onbekend", "en": "unknown"},
    "coop.role.deelnemer": {"nl": "deelnemer", "en": "participant"},
    "coop.role.afnemer": {"nl": "afnemer", "en": "customer"},
    "coop.role.dienstverlener": {"nl": "dienstverlener", "en": "service provider"},
    "coop.role.centrumgemeente": {"nl": "centrumgemeente", "en": "central municipality"},
    "coop.role.gastheer": {"nl": "gastheer", "en": "host"},
    "coop.role.opdrachtgever": {"nl": "opdrachtgever", "en": "client"},
    "coop.role.opdrachtnemer": {"nl": "opdrachtnemer", "en": "contractor"},
    "coop.role.beoogd deelnemer": {"nl": "beoogd deelnemer", "en": "intended participant"},
    "coop.role.beoogde partner": {"nl": "beoogde partner", "en": "intended partner"},
    "coop.role.mogelijke partner": {"nl": "mogelijke partner", "en": "possible partner"},
    "coop.role.initiatiefnemer": {"nl": "initiatiefnemer", "en": "initiator"},
    "coop.role.inhurer": {"nl": "inhurer", "en": "hirer"},
    "coop.role.inlener": {"nl": "inlener", "en": "borrower of staff"},
    "coop.new_intro": {
        "nl": "Een samenwerkingsverband van deze organisatie met andere, op naam. Bekijk eerst wat er wordt "
        "vastgelegd; pas daarna slaat u op, met een reden.",
        "en": "A cooperation of this organisation with others, by name. Look at what will be recorded first; "
        "only then do you save, with a reason.",
    },
    "coop.f.name": {"nl": "Naam van het samenwerkingsverband", "en": "Name of the cooperation"},
    "coop.f.legal_form": {"nl": "Rechtsvorm", "en": "Legal form"},
    "coop.f.participants": {"nl": "Deelnemers (naast deze organisatie)", "en": "Participants (besides this one)"},
    "coop.f.participant_n": {"nl": "Deelnemer {n}", "en": "Participant {n}"},
    "coop.f.date": {"nl": "Begindatum", "en": "Start date"},
    "coop.save": {"nl": "Samenwerkingsverband opslaan", "en": "Save the cooperation"},
    "coop.said": {"nl": "Een samenwerkingsverband {name} ({form}) van ", "en": "A cooperation {name} ({form}) of "},
    "coop.said_start": {"nl": "Vanaf {day}", "en": "From {day}"},
    "coop.said_no_start": {"nl": "Begindatum onbekend", "en": "Start date unknown"},
    "coop.err.name": {"nl": "vul de naam van het samenwerkingsverband in", "en": "fill in the cooperation's name"},
    "coop.err.legal_form": {"nl": "kies een rechtsvorm uit de lijst", "en": "pick a legal form from the list"},
    "coop.err.unknown": {
        "nl": "'{typed}' staat niet in het register; voeg de organisatie eerst toe",
        "en": "'{typed}' is not in the register; add the organisation first",
    },
    "coop.err.participants": {
        "nl": "noem ten minste één andere deelnemer",
        "en": "name at least one other participant",
    },
}
