"""The analytics' short notes in the book's language.

The analytics (:mod:`xlmodel.analytics`) state a few facts as English notes (a break-even volume
that is never crossed, a knock-out reason); :func:`analytics_note` says them in the workbook's
language, template by template (a note no template knows stays as it is, and a test scans the French
book for English).  Numbers written as text: :mod:`xlmodel.text.numbers`.
"""

from __future__ import annotations

import re

from . import pick, words

_NOTES = (  # (English pattern, French replacement)
    (r"the minimum monthly invoice is the floor in some months at this price",
     "la facture mensuelle minimale s'applique certains mois à ce prix"),
    (r"no crossing between x(\S+) and x(\S+) of today's volume: outsourcing saves throughout",
     r"pas de croisement entre x\1 et x\2 du volume actuel : l'externalisation est moins chère sur toute la plage"),
    (r"no crossing between x(\S+) and x(\S+) of today's volume: outsourcing costs more throughout",
     r"pas de croisement entre x\1 et x\2 du volume actuel : l'externalisation est plus chère sur toute la plage"),
    (r"outsourcing saves above this volume", "l'externalisation est moins chère au-delà de ce volume"),
    (r"outsourcing saves below this volume", "l'externalisation est moins chère en deçà de ce volume"),
    (r" \((\d+) crossings in range; nearest shown\)", r" (\1 croisements dans la plage ; le plus proche indiqué)"),
    (r"quality (\S+) < (\S+)", r"qualité \1 < \2"),
    (r"security (\S+) < (\S+)", r"sécurité \1 < \2"),
    (r"financial solidity (\S+) < (\S+)", r"solidité financière \1 < \2"),
    (r"no 24/7 coverage", "pas de couverture 24 h/24, 7 j/7"),
    (r"no (NF 345 / ISO 18295|ISO 27001|PCI DSS)", r"sans \1"),
    (r"languages missing: ", "langues manquantes : "),
)


def analytics_note(note: str, lang: str) -> str:
    """An analytics note (English, from :mod:`xlmodel.analytics`) in ``lang``."""
    french = note
    for pattern, replacement in _NOTES:
        french = re.sub(pattern, replacement, french)
    french = re.sub(r"(?<=\d)\.(?=\d)", ",", french)
    return pick(lang, note, french)

