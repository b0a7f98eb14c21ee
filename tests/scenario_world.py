"""Registers for the scenario tests: Losser as it stood in September 2011, derived from the example.

The example ``losser.yaml`` holds what happened after the college decision of 13 September 2011
(the merge into BSP, the planned transfer of WIZ, the posts of 2017). A consultant who branched
Losser in September 2011 had only the five departments; this builds that register from the very
same example — its organisations, sources and the five departments' periods — leaving out the
college's decision (the consultant records it on promoting) and every event, cooperation and
section that came later. Nothing is copied: the facts and their
quotes stay those of the example.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "raadhuis" / "examples"
KEEP = ("format", "organisation", "description", "organisations", "sources", "units")


def losser_2011(folder: Path) -> Path:
    data = yaml.safe_load((EXAMPLES / "losser.yaml").read_text(encoding="utf-8"))
    trimmed = {k: data[k] for k in KEEP if k in data}
    trimmed["description"] = "Losser zoals het register in september 2011 was: de vijf afdelingen (uit losser.yaml)."
    target = folder / "losser-2011.yaml"
    target.write_text(yaml.safe_dump(trimmed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
