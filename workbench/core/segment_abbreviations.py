"""Word lists the sentence splitter consults when a full stop follows a short word.

Each set answers one question about the word before a full stop (lower-cased, without its
final period) or the word after it. Kept apart from `segment.py` so the rules read as code and
the vocabulary as data.
"""

from __future__ import annotations


def _words(listing: str) -> frozenset[str]:
    """The whitespace-separated words of `listing`: lists stay readable as wrapped text."""
    return frozenset(listing.split())


TITLES: frozenset[str] = _words(
    """
    mr mrs ms mx messrs mme mlle dr prof gen gens sen sens gov rep reps lt col capt cpt maj sgt
    cpl pvt adm cmdr brig rev hon pres supt insp det mt ft fr msgr atty amb rt gov-gen lt-gen
    """
)
"""Abbreviations written before a name ("Mr. Smith", "Gen. Milley", "Mt. Fuji"): the
capitalised word after them is the name, so they end a sentence only before an unmistakable
sentence opener ("Dr. The ..." cannot be a title)."""

NEVER_FINAL: frozenset[str] = _words("e.g i.e vs v cf viz approx ca c incl esp")
"""Abbreviations that do not end sentences in practice ("e.g. Germany", "Roe v. Wade")."""

BEFORE_NUMBERS: frozenset[str] = _words(
    """
    no nos n° nº p pp vol vols fig figs art arts sec secs ch chap para paras op eq ref refs tel ext
    pt pts ed eds rs div cl nr nrn abs bd jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
"""Abbreviations followed by a number ("No. 5", "p. 55", "Jan. 5", "Sept. 12"; German
"§ 291a Abs. 3 Nr. 4", "Bd. 2"): no boundary
before a digit; before a capitalised word they end the sentence like any word."""

ENDABLE: frozenset[str] = _words(
    """
    co corp inc ltd llc plc bros jr sr esq dept univ assn govt st ave blvd rd hwy al mfg intl natl
    """
)
"""Abbreviations that can end a sentence but usually continue it ("Pitt, Briggs & Co. at noon",
"Apple Inc. Chief Executive"): a boundary only before a common sentence opener ("Co. It
closed")."""

STATES: frozenset[str] = _words(
    """
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont
    Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
    """
)
"""US state abbreviations in news style ("Sen. Jane Doe, D-Mass., said"); compared
case-sensitively, so "ill." and "mass." stay ordinary words. They behave like `ENDABLE`."""

TIMES: frozenset[str] = frozenset({"a.m", "p.m"})
"""Clock abbreviations ("5 a.m.", "6 P.M."), which get their own rule."""

AFTER_TIME: frozenset[str] = _words(
    """
    ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST CET CEST UTC Eastern Central Mountain
    Pacific Atlantic Local Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Jan Feb Mar
    Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Tomorrow Yesterday
    """
)
"""Capitalised words that continue a time ("at 10 a.m. Eastern", "9 p.m. Monday")."""

STARTERS: frozenset[str] = _words(
    """
    A After Also Although An And Any Are As At Because Before Being Both But By Can Despite Did
    During Each Even Every For From He Her Here His How However I If In Instead Is It Its Last
    Many Meanwhile Millions More Most Much My Neither No Nor Not Now On Once One Only Or Other
    Our Over Several She Since So Some Still Such That The Their Then There These They This
    Those Though Thus Today Two Under Until We Were What When Where Whether Which While Who Why
    With Without Yet Yesterday You Your
    """
)
"""Words that commonly open a sentence and rarely continue a name ("the U.S. How ...", "Co. It
..."). After an ambiguous abbreviation, only these mark a new sentence."""

TITLE_BREAKERS: frozenset[str] = _words(
    """
    After Although And As Because Before But However If In It Its Meanwhile She That The Their
    Then There These They This Those Though We When While Yet
    """
)
"""The openers strong enough to end even a title abbreviation ("on Elm Dr. The house ...");
names such as "Will" or "Mark" are deliberately absent."""
