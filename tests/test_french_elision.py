"""Issue 16: French elides "de", "que" and "le" before a vowel or a mute h, also where the program
puts a name or a phrase after them ("le plus grand d'Externalisé : ...", "cumul d'économie"): every
text of the French books, stored values and the literal pieces of formulas included."""

from __future__ import annotations

import re
import zipfile
from xml.sax.saxutils import unescape

import pytest

from xlmodel.text import elide

# Written independently of xlmodel.text.elide: a vowel, or the mute h of the scenario "Hybride".
NOT_ELIDED = re.compile(r"(?<![\w'’-])(?:de|que|le) (?=[aeiouàâéèêëîïôûAEIOUÀÂÉÈÊËÎÏÔÛ]|[hH]ybride)", re.IGNORECASE)
FRENCH_BOOKS = ["example", "portfolio_phased_fr", "erlang_a_fr", "arrival_profile_fr"]


def book_texts(path) -> list[str]:
    """Every text of a workbook: cell texts and formulas' stored values, the literal pieces of its
    formulas, notes, validation messages, chart titles."""
    texts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xml"):
                continue
            xml = z.read(name).decode("utf-8")
            for formula in re.findall(r"<f\b[^>]*>([^<]*)</f>", xml):
                texts += [piece.replace('""', '"') for piece in re.findall(r'"((?:[^"]|"")*)"', unescape(formula))]
            xml = re.sub(r"<f\b[^>]*>[^<]*</f>", "", xml)
            texts += [unescape(t) for t in re.findall(r">([^<]+)<", xml)]
            texts += [unescape(t, {"&quot;": '"'}) for t in re.findall(r'\b(?:prompt|error)="([^"]*)"', xml)]
    return texts


@pytest.mark.parametrize("name", FRENCH_BOOKS)
def test_no_text_of_a_french_book_leaves_de_que_or_le_before_a_vowel(built_book, name):
    texts = book_texts(built_book(name, "fr").path)
    assert sum("Externalisé" in t for t in texts) > 5  # the scenario labels are among the texts read
    assert [m.string[max(0, m.start() - 40):m.end() + 20] for t in texts
            if (m := NOT_ELIDED.search(t))] == []


def test_elision_keeps_what_does_not_elide():
    """Before y, onze or an aspirated h French keeps "de"; English never elides; a pronoun after a
    hyphen ("donnez-le à") stays."""
    assert elide("Économie de Externalisé : Acme, le plus grand de hybride et que il", "fr") == \
        "Économie d'Externalisé : Acme, le plus grand d'hybride et qu'il"
    assert elide("De Océan Indien et de Yaoundé, de onze, de hausse, donnez-le à l'interne", "fr") == \
        "D'Océan Indien et de Yaoundé, de onze, de hausse, donnez-le à l'interne"
    assert elide("proof de Externalisé", "en") == "proof de Externalisé"
