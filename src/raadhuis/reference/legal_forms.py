"""Legal forms of a cooperation (samenwerkingsverband).

Five forms come from the Wet gemeenschappelijke regelingen (Wgr); the others are ways
municipalities cooperate or borrow capacity outside the Wgr, down to informal reliance
("leunen": a cooperation without an agreement, seed 001). The keys are the ``legal_form``
enum of the dataset schema (formats/schema/dataset.schema.json); a test keeps them equal.

Sources:
- Wet gemeenschappelijke regelingen (BWBR0003740), art. 1 and art. 8, as amended by the
  Wet van 9 juli 2014 (Stb. 2014, 306; in force 1 January 2015), which introduced the
  bedrijfsvoeringsorganisatie. https://wetten.overheid.nl/BWBR0003740
- Memorie van toelichting, Kamerstukken II 2012/13, 33 597, nr. 3 ("invoering van een
  bedrijfsvoeringsorganisatie met rechtspersoonlijkheid").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SOURCES: tuple[dict[str, str], ...] = (
    {
        "title": "Wet gemeenschappelijke regelingen",
        "publisher": "Overheid.nl (Ministerie van BZK)",
        "date": "geldend vanaf 2015-01-01 (Stb. 2014, 306)",
        "url": "https://wetten.overheid.nl/BWBR0003740",
    },
    {
        "title": "Memorie van toelichting, Wijziging Wgr (bedrijfsvoeringsorganisatie), Kamerstukken II 33 597, nr. 3",
        "publisher": "Tweede Kamer der Staten-Generaal",
        "date": "2013-04-08",
        "url": "https://zoek.officielebekendmakingen.nl/kst-33597-3.html",
    },
)
VERSION = "wgr-2015"


@dataclass(frozen=True)
class LegalForm:
    key: str
    label_nl: str
    label_en: str
    wgr: bool  # a form of the Wet gemeenschappelijke regelingen
    article: str | None  # Wgr article for Wgr forms
    legal_personality: bool  # the cooperation is a legal person of its own
    agreement: bool  # rests on a written agreement (False: informal)
    description_nl: str
    description_en: str

    def label(self, lang: str = "nl") -> str:
        return self.label_en if lang == "en" else self.label_nl

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label_nl": self.label_nl,
            "label_en": self.label_en,
            "wgr": self.wgr,
            "article": self.article,
            "legal_personality": self.legal_personality,
            "agreement": self.agreement,
            "description_nl": self.description_nl,
            "description_en": self.description_en,
        }


LEGAL_FORMS: tuple[LegalForm, ...] = (
    LegalForm(
        "openbaar_lichaam",
        "Openbaar lichaam",
        "Public body",
        True,
        "Wgr art. 8 lid 1",
        True,
        True,
        "Zelfstandig openbaar lichaam met algemeen bestuur, dagelijks bestuur en voorzitter; bezit rechtspersoonlijkheid.",
        "Separate public body with a general board, executive board and chair; a legal person.",
    ),
    LegalForm(
        "gemeenschappelijk_orgaan",
        "Gemeenschappelijk orgaan",
        "Joint body",
        True,
        "Wgr art. 8 lid 2",
        False,
        True,
        "Gezamenlijk bestuursorgaan zonder rechtspersoonlijkheid; kan geen personeel in dienst nemen.",
        "Joint administrative body without legal personality; cannot employ staff.",
    ),
    LegalForm(
        "bedrijfsvoeringsorganisatie",
        "Bedrijfsvoeringsorganisatie",
        "Operational management organisation",
        True,
        "Wgr art. 8 lid 3",
        True,
        True,
        "Lichte vorm met rechtspersoonlijkheid en één bestuur, voor bedrijfsvoering en uitvoering (sinds 2015).",
        "Light form with legal personality and a single board, for support services and execution (since 2015).",
    ),
    LegalForm(
        "centrumgemeente",
        "Centrumgemeenteconstructie",
        "Lead-municipality arrangement",
        True,
        "Wgr art. 1 en 8",
        False,
        True,
        "Regeling waarbij één deelnemende gemeente taken uitvoert voor de andere, via mandaat of delegatie.",
        "Arrangement in which one participating municipality performs tasks for the others by mandate or delegation.",
    ),
    LegalForm(
        "regeling_zonder_meer",
        "Regeling zonder meer",
        "Plain arrangement",
        True,
        "Wgr art. 1",
        False,
        True,
        "Gemeenschappelijke regeling zonder eigen orgaan of rechtspersoon ('lichte' regeling).",
        "Joint arrangement without a body or legal person of its own ('light' arrangement).",
    ),
    LegalForm(
        "dvo",
        "Dienstverleningsovereenkomst (DVO)",
        "Service level agreement",
        False,
        None,
        False,
        True,
        "Privaatrechtelijke overeenkomst waarin een organisatie diensten levert aan een andere.",
        "Private-law contract in which one organisation delivers services to another.",
    ),
    LegalForm(
        "convenant",
        "Convenant",
        "Covenant",
        False,
        None,
        False,
        True,
        "Schriftelijke afspraak over samenwerking, vaak zonder afdwingbare verplichtingen.",
        "Written cooperation agreement, often without enforceable obligations.",
    ),
    LegalForm(
        "privaatrechtelijk",
        "Privaatrechtelijke rechtspersoon",
        "Private legal entity",
        False,
        None,
        True,
        True,
        "Stichting, vereniging, BV of NV waarin gemeenten deelnemen.",
        "Foundation, association or company in which municipalities take part.",
    ),
    LegalForm(
        "netwerk",
        "Netwerk",
        "Network",
        False,
        None,
        False,
        False,
        "Informeel netwerk of overleg zonder bindende afspraken.",
        "Informal network or consultation without binding agreements.",
    ),
    LegalForm(
        "leunen",
        "Leunen",
        "Informal reliance",
        False,
        None,
        False,
        False,
        "Informeel steunen op de capaciteit of kennis van een andere organisatie, zonder afspraak ('slim leunen').",
        "Relying informally on another organisation's capacity or expertise, without an agreement.",
    ),
    LegalForm(
        "inhuur",
        "Inhuur",
        "External hire",
        False,
        None,
        False,
        True,
        "Inhuur van capaciteit bij een externe (commerciële) partij ('slim inhuren').",
        "Hiring capacity from an external (commercial) party.",
    ),
    LegalForm(
        "inleen",
        "Inleen",
        "Loan of staff",
        False,
        None,
        False,
        True,
        "Tijdelijk lenen van medewerkers van een andere overheid ('slim lenen').",
        "Temporarily borrowing staff from another public body.",
    ),
    LegalForm(
        "verkenning",
        "Verkenning",
        "Exploration",
        False,
        None,
        False,
        False,
        "Samenwerking die nog wordt verkend; nog geen vorm gekozen.",
        "Cooperation being explored; no form chosen yet.",
    ),
)

_BY_KEY = {f.key: f for f in LEGAL_FORMS}
KEYS: tuple[str, ...] = tuple(_BY_KEY)
INFORMAL_KEYS: frozenset[str] = frozenset(f.key for f in LEGAL_FORMS if not f.agreement)


def legal_form(key: str) -> LegalForm:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"onbekende rechtsvorm {key!r}; verwacht een van: {', '.join(KEYS)}") from None
