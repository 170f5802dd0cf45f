"""Folding names so "Ets. Touré & Fils SARL" and "touré et fils" compare as the same business."""

import re
import unicodedata

_LEGAL_FORMS = {
    "sarl",
    "sa",
    "sas",
    "sasu",
    "suarl",
    "ltd",
    "limited",
    "plc",
    "llc",
    "inc",
    "gie",
    "ets",
    "etablissement",
    "etablissements",
    "co",
    "cie",
    "company",
    "enterprise",
    "enterprises",
    "the",
    "le",
    "la",
    "les",
    "chez",
    "and",
    "et",
}
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase, accents removed, punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", ascii_only.replace("&", " and ")).strip()


def name_key(text: str) -> str:
    """Folded name without legal forms and filler words, for fuzzy duplicate checks."""
    words = [w for w in fold(text).split() if w not in _LEGAL_FORMS]
    return " ".join(words) or fold(text)


def split_full_name(full: str) -> tuple[str, str]:
    """ "Aminata Diallo" → ("Aminata", "Diallo"); a single word is a first name."""
    parts = full.strip().split()
    if not parts:
        return "", ""
    if len(parts) == 1:
        return parts[0], ""
    return " ".join(parts[:-1]), parts[-1]
