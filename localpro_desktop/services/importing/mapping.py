"""Guess which LocalPro field each spreadsheet column holds, and let the user correct it.

Real files name their columns in French or English, with accents or without, as
"Tél.", "N° WhatsApp" or "Adresse e-mail du client". Recognition is driven by the
synonym tables below so that supporting a new spelling means adding a word, not a
branch. Matching runs in tiers (exact name, typo, name contained in a longer label) and
each field goes to the single best column, so "Téléphone" beats "Mobile" for phone.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import Literal

from localpro_desktop.domain import prospect_fields
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import importing as msg

Kind = Literal["prospects", "contacts"]

PROSPECT_FIELDS: tuple[str, ...] = prospect_fields.EDITABLE
"""A file may fill exactly the fields a person may type (one list: ``domain/prospect_fields``)."""
CONTACT_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "full_name",
    "company",
    "phone",
    "whatsapp",
    "email",
    "city",
    "country",
    "address",
    "sector",
    "status",
    "tags",
    "notes",
    "latitude",
    "longitude",
    "website",
    "opt_out_whatsapp",
    "opt_out_email",
    "opt_out_sms",
)
FIELDS_BY_KIND: dict[Kind, tuple[str, ...]] = {
    "prospects": PROSPECT_FIELDS,
    "contacts": CONTACT_FIELDS,
}
# Each inner tuple is one requirement: at least one of its fields must be mapped.
REQUIRED_FIELDS: dict[Kind, tuple[tuple[str, ...], ...]] = {
    "prospects": (("business_name",),),
    "contacts": (("full_name", "first_name", "last_name", "company"),),
}
IGNORE_WORDS: frozenset[str] = frozenset({"", "ignore", "skip", "none", "-"})

# Synonyms per field: (names that may also appear inside a longer label,
#                      names recognised only when they are the whole label).
# Generic words such as "Nom", "Type" or "Entreprise" are whole-label only: inside
# "Type de contact" or "Adresse de l'entreprise" they qualify another word.
# Earlier synonyms win ties, so the most explicit spellings come first.
Synonyms = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
# Placeholder field for labels resolved by context (see _CONTEXTUAL).
_PERSON_NAME = "@person_name"

# fmt: off
_SHARED_SYNONYMS: Synonyms = {
    "phone": (
        (
            "téléphone", "numéro de téléphone", "phone number", "telephone number",
            "phone", "tél", "tel", "mobile", "numéro mobile", "mobile phone", "portable",
            "cellulaire", "cellphone", "cell phone", "gsm", "contact téléphonique",
        ),
        ("numéro", "num", "no", "number", "cell", "fixe"),
    ),
    "whatsapp": (
        ("whatsapp", "numéro whatsapp", "whatsapp number", "wa"),
        (),
    ),
    "email": (
        (
            "e-mail", "email", "courriel", "adresse e-mail", "adresse mail",
            "adresse électronique", "email address", "mail", "mél",
        ),
        (),
    ),
    "city": (
        ("ville", "city", "town", "localité", "locality", "commune", "municipality"),
        (),
    ),
    "country": (
        ("pays", "country", "code pays", "country code"),
        (),
    ),
    "address": (
        (
            "adresse", "address", "adresse postale", "street address", "full address",
            "adresse complète", "quartier", "street", "rue", "neighborhood",
            "neighbourhood", "emplacement",
        ),
        ("location", "lieu", "localisation"),
    ),
    "sector": (
        (
            "secteur d'activité", "secteur", "activité", "domaine d'activité", "catégorie",
            "category", "category name", "industry", "sector", "branche", "métier",
            "type d'activité", "type de commerce", "business type",
        ),
        ("type", "domaine", "categories", "catégories"),
    ),
    "website": (
        (
            "site web", "site internet", "website", "web site", "website url", "url",
            "page web", "page internet",
        ),
        ("site", "web", "lien", "link", "www"),
    ),
    "latitude": (("latitude", "lat"), ()),
    "longitude": (("longitude", "lng", "lon"), ("long",)),
    "notes": (
        (
            "notes", "remarques", "remarque", "commentaires", "commentaire", "comments",
            "comment", "observations", "observation", "informations", "infos", "memo",
        ),
        ("note", "description", "details", "détails", "info"),
    ),
    "tags": (
        (
            "tags", "tag", "étiquettes", "étiquette", "mots-clés", "mot-clé", "mots clefs",
            "labels", "label", "keywords", "keyword",
        ),
        (),
    ),
}

_KIND_SYNONYMS: dict[Kind, Synonyms] = {
    "prospects": {
        "business_name": (
            (
                "raison sociale", "nom de l'entreprise", "nom entreprise", "business name",
                "company name", "nom commercial", "nom de la société", "nom société",
                "nom du commerce", "nom de l'établissement", "enseigne", "établissement",
                "organisation", "organization",
            ),
            (
                "nom", "name", "noms", "entreprise", "société", "company", "business",
                "title", "commerce", "boutique",
            ),
        ),
        "contact_person": (
            (
                "contact person", "personne à contacter", "personne de contact",
                "interlocuteur", "gérant", "gérante", "propriétaire", "owner", "manager",
                "responsable", "nom du gérant", "nom du responsable",
            ),
            ("contact",),
        ),
        "source_ref": (
            (
                "référence", "ref", "source id", "place id", "google place id", "id source",
                "identifiant", "source ref", "source reference",
            ),
            ("id", "code", "cid"),
        ),
    },
    "contacts": {
        "first_name": (
            ("prénom", "prénoms", "first name", "firstname", "given name"),
            (),
        ),
        "last_name": (
            ("nom de famille", "last name", "lastname", "surname", "family name"),
            (),
        ),
        "full_name": (
            (
                "nom complet", "full name", "nom et prénom", "nom et prénoms",
                "prénom et nom", "nom prénom", "nom prénoms", "prénom nom", "contact name",
            ),
            ("contact", "client", "personne"),
        ),
        "company": (
            (
                "nom de l'entreprise", "nom entreprise", "raison sociale", "company name",
                "business name", "nom commercial", "nom de la société", "organisation",
                "organization", "employeur", "employer",
            ),
            ("entreprise", "société", "company", "business", "structure", "boutique"),
        ),
        "status": (
            (
                "statut", "status", "étape", "stage", "pipeline stage", "lead status",
                "statut client",
            ),
            ("état",),
        ),
        "opt_out_whatsapp": (
            ("opt out whatsapp", "désinscrit whatsapp", "stop whatsapp", "refus whatsapp"),
            (),
        ),
        "opt_out_email": (
            (
                "opt out email", "opt out e-mail", "désinscrit email", "stop email",
                "refus email", "unsubscribed",
            ),
            (),
        ),
        "opt_out_sms": (
            ("opt out sms", "désinscrit sms", "stop sms", "refus sms"),
            (),
        ),
        _PERSON_NAME: (
            (),
            ("nom", "name", "noms", "nom du contact", "nom du client", "nom client"),
        ),
    },
}


# fmt: on


@dataclass(frozen=True)
class _ContextualField:
    """A label whose meaning depends on its neighbours.

    "Nom" beside a "Prénom" column is a surname; alone it holds the whole name.
    """

    if_present: str
    then: str
    otherwise: str


_CONTEXTUAL: dict[str, _ContextualField] = {
    _PERSON_NAME: _ContextualField(
        if_present="first_name", then="last_name", otherwise="full_name"
    ),
}

# When a long label contains several synonyms ("Téléphone WhatsApp", "Adresse e-mail
# du client"), the more specific field wins; a plain phone or address is the fallback.
_SPECIFICITY: dict[str, int] = {
    "whatsapp": 9,
    "email": 9,
    "website": 8,
    "latitude": 8,
    "longitude": 8,
    "first_name": 7,
    "last_name": 7,
    "full_name": 6,
    "phone": 6,
    "status": 5,
    "city": 5,
    "country": 5,
    "company": 5,
    "business_name": 5,
    "sector": 4,
    "address": 4,
    "tags": 4,
    "notes": 3,
    "source_ref": 2,
    _PERSON_NAME: 5,
}

_EXACT, _TYPO, _CONTAINED = 4, 3, 2
_TYPO_RATIO = 0.9  # "Adress", "Telphone" pass; "Altitude" (vs "latitude") does not
_TYPO_MIN_LENGTH = 6
_MAX_TOKENS = 12
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD = re.compile(r"[a-z0-9]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})

Score = tuple[int, float, float, int]


class MappingError(ValueError):
    """A column or field name from the user that matches nothing, with the valid choices.

    ``message`` is the translatable Message (``domain.messages.importing``).
    """

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class _Synonym:
    compact: str
    field: str
    rank: int
    contained_ok: bool


def _tokens(text: str) -> tuple[str, ...]:
    """Words of a label, ignoring case, accents, punctuation and camelCase.

    "N° WhatsApp", "numero_whatsapp" and "numéroWhatsApp" all give the same words.
    """
    spaced = _CAMEL.sub(" ", text).translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", spaced)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return tuple(_WORD.findall(bare.casefold()))


def _compact(text: str) -> str:
    """One comparison key, so "E-mail" equals "Email" and "Site web" equals "siteweb"."""
    return "".join(_tokens(text))


@cache
def _synonyms(kind: Kind) -> tuple[_Synonym, ...]:
    table: Synonyms = {**_SHARED_SYNONYMS, **_KIND_SYNONYMS[kind]}
    result: list[_Synonym] = []
    for field_name, (anywhere, whole_only) in table.items():
        for rank, word in enumerate((*anywhere, *whole_only)):
            result.append(
                _Synonym(_compact(word), field_name, rank, contained_ok=rank < len(anywhere))
            )
    return tuple(result)


def _check_kind(kind: str) -> Kind:
    if kind not in FIELDS_BY_KIND:
        raise MappingError(msg.UNKNOWN_KIND(kind=kind))
    return kind


def _score_header(header: str, kind: Kind) -> dict[str, Score]:
    """Best score per candidate field for one header; higher tuples are better."""
    tokens = _tokens(header)[:_MAX_TOKENS]
    compact = "".join(tokens)
    if not compact:
        return {}
    runs = {"".join(tokens[i:j]) for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1)}
    best: dict[str, Score] = {}
    for syn in _synonyms(kind):
        score: Score | None = None
        specificity = _SPECIFICITY.get(syn.field, 0)
        if syn.compact == compact:
            score = (_EXACT, 1.0 if syn.contained_ok else 0.0, 1.0, -syn.rank)
        elif syn.contained_ok and syn.compact in runs:
            score = (_CONTAINED, specificity, len(syn.compact) / len(compact), -syn.rank)
        elif min(len(compact), len(syn.compact)) >= _TYPO_MIN_LENGTH:
            matcher = SequenceMatcher(None, compact, syn.compact)
            if matcher.quick_ratio() >= _TYPO_RATIO and matcher.ratio() >= _TYPO_RATIO:
                score = (_TYPO, specificity, matcher.ratio(), -syn.rank)
        if score is not None and score > best.get(syn.field, (0, 0.0, 0.0, 0)):
            best[syn.field] = score
    return best


def _resolve_context(scored: list[dict[str, Score]]) -> list[dict[str, Score]]:
    """Replace placeholder fields such as "@person_name" by what the other columns imply."""
    best_fields = {max(scores, key=scores.__getitem__) for scores in scored if scores}
    resolved: list[dict[str, Score]] = []
    for scores in scored:
        updated = dict(scores)
        for placeholder, rule in _CONTEXTUAL.items():
            if placeholder in updated:
                score = updated.pop(placeholder)
                target = rule.then if rule.if_present in best_fields else rule.otherwise
                if score > updated.get(target, (0, 0.0, 0.0, 0)):
                    updated[target] = score
        resolved.append(updated)
    return resolved


def guess_mapping(headers: list[str], kind: Kind) -> dict[str, str]:
    """Map each recognised header to a field, each field to at most one header.

    Assignment is greedy over all (header, field) candidates from best to worst score,
    so an exact "Téléphone" claims phone before "Mobile" or "Téléphone 2" can; ties go
    to the leftmost column, which is what users expect of their main column.
    """
    kind = _check_kind(kind)
    scored = _resolve_context([_score_header(header, kind) for header in headers])
    candidates = sorted(
        (
            (score, -index, field_name)
            for index, scores in enumerate(scored)
            for field_name, score in scores.items()
        ),
        reverse=True,
    )
    taken_fields: set[str] = set()
    assigned: dict[int, str] = {}
    for _score, neg_index, field_name in candidates:
        index = -neg_index
        if index in assigned or field_name in taken_fields:
            continue
        assigned[index] = field_name
        taken_fields.add(field_name)
    return {headers[index]: assigned[index] for index in sorted(assigned)}


def parse_overrides(items: Iterable[str]) -> dict[str, str]:
    """Split CLI arguments "COLUMN=FIELD" (last "=" wins, column names may contain one)."""
    overrides: dict[str, str] = {}
    for item in items:
        column, sep, field_name = item.rpartition("=")
        if not sep or not column.strip():
            raise MappingError(msg.BAD_OVERRIDE(item=item))
        overrides[column.strip()] = field_name.strip()
    return overrides


def apply_overrides(
    mapping: Mapping[str, str],
    headers: list[str],
    overrides: Mapping[str, str],
    kind: Kind,
) -> dict[str, str]:
    """Apply the user's COLUMN=FIELD corrections on top of a guessed mapping.

    The user has the last word: a field given to a column is taken away from whichever
    column had guessed it, and FIELD '' or 'ignore' drops the column. Columns are
    matched ignoring case, accents and punctuation because users retype them by hand.
    """
    kind = _check_kind(kind)
    result = dict(mapping)
    claimed: dict[str, str] = {}
    for column, raw_field in overrides.items():
        header = _find_column(column, headers)
        field_name = _find_field(raw_field, kind)
        if field_name is None:
            result.pop(header, None)
            continue
        if field_name in claimed and claimed[field_name] != header:
            raise MappingError(
                msg.FIELD_TWICE(field=field_name, first=claimed[field_name], second=header)
            )
        claimed[field_name] = header
        for other, other_field in list(result.items()):
            if other_field == field_name and other != header:
                del result[other]
        result[header] = field_name
    return {header: result[header] for header in headers if header in result}


def _find_column(column: str, headers: list[str]) -> str:
    if column in headers:
        return column
    wanted = _compact(column)
    matches = [header for header in headers if wanted and _compact(header) == wanted]
    if len(matches) == 1:
        return matches[0]
    available = ", ".join(f"'{header}'" for header in headers)
    if matches:
        raise MappingError(
            msg.AMBIGUOUS_COLUMN(column=column, matches=", ".join(matches), available=available)
        )
    raise MappingError(msg.UNKNOWN_COLUMN(column=column, available=available))


def _find_field(raw: str, kind: Kind) -> str | None:
    text = raw.strip().lower()
    if text in IGNORE_WORDS:
        return None
    fields = FIELDS_BY_KIND[kind]
    candidate = re.sub(r"[\s-]+", "_", text)
    if candidate in fields:
        return candidate
    guessed = guess_mapping([raw], kind)
    hint = msg.DID_YOU_MEAN(field=guessed[raw]) if guessed else ""
    raise MappingError(msg.UNKNOWN_FIELD(raw=raw, kind=kind, hint=hint, fields=", ".join(fields)))


def describe_mapping(
    mapping: Mapping[str, str], headers: list[str], kind: Kind
) -> list[tuple[str, str | None]]:
    """Every column in file order with its field or None, for the dry-run preview.

    Unmapped columns are listed too: seeing "Quartier -> (ignored)" is how users notice
    a column they still need to map by hand.
    """
    kind = _check_kind(kind)
    fields = FIELDS_BY_KIND[kind]
    unknown = sorted({value for value in mapping.values() if value not in fields})
    if unknown:
        raise MappingError(
            msg.NOT_FIELDS(kind=kind, unknown=", ".join(unknown), fields=", ".join(fields))
        )
    return [(header, mapping.get(header)) for header in headers]


def unmapped_required(mapping: Mapping[str, str], kind: Kind) -> list[str]:
    """Requirements the mapping does not meet, one readable entry per requirement.

    A contact needs only one of several name fields, so such an entry reads
    "full_name or first_name or last_name or company"; an empty list means importable.
    """
    kind = _check_kind(kind)
    mapped = set(mapping.values())
    return [" or ".join(group) for group in REQUIRED_FIELDS[kind] if not mapped.intersection(group)]
