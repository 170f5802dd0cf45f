"""Improved versions: what is asked of the model, and every reason a version is refused.

Pure checks, no network: the model's answers are written here as the JSON it would send
(the ``{"variants": [...]}`` shape of ``response_schema``).
"""

import json
from typing import Any

import pytest

from localpro_desktop.ai.variants import (
    Original,
    instructions,
    measure,
    parse_output,
    response_schema,
    shape,
    validate,
)
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import ai_tools as msg

SMS = Original(
    Channel.SMS, 'Bonjour {{first_name}}, -20% cette semaine à {{ city | default("chez vous") }} !'
)


def ids(problems: list[Message]) -> list[object]:
    return [p.id for p in problems]


def test_shape_finds_placeholders_filters_and_whatsapp_numbers() -> None:
    found = shape("Salut {{ first_name }} {{ city|default('ici') }} {{1}} et {{2}} {{1}}")
    assert found.names == {"first_name", "city"}
    assert sorted(found.expressions.values()) == ["{{ city|default('ici') }}", "{{ first_name }}"]
    assert found.whatsapp == {"1": 2, "2": 1}


def test_a_faithful_version_passes_whatever_the_spacing() -> None:
    text = "{{first_name}}, profitez de -20% à {{city|default( 'chez vous' )}} cette semaine."
    assert validate(SMS, text) == []


def test_dropped_and_invented_placeholders_are_refused() -> None:
    problems = validate(SMS, "Bonjour {{prenom}}, -20% à {{ city | default('chez vous') }}")
    assert ids(problems) == [msg.VARIANT_DROPS, msg.VARIANT_INVENTS]
    assert "{{first_name}}" in problems[0]
    assert "{{prenom}}" in problems[1]


def test_a_placeholder_losing_its_fallback_is_refused() -> None:
    problems = validate(SMS, "Bonjour {{first_name}}, -20% à {{city}} !")
    assert ids(problems) == [msg.VARIANT_REWRITES]
    assert 'default("chez vous")' in problems[0]


def test_a_placeholder_written_another_way_is_refused() -> None:
    original = Original(Channel.SMS, "Bonjour {{first_name}}, promo !")
    problems = validate(original, "Bonjour {{ first_name | upper }}, promo !")
    assert ids(problems) == [msg.VARIANT_REWRITES]


def test_broken_syntax_is_refused_with_jinjas_words() -> None:
    (problem,) = validate(SMS, "Bonjour {{ first_name, promo")
    assert problem.id is msg.VARIANT_SYNTAX
    assert "{{first_name}}" not in problem  # the reason, not the template's advice


def test_empty_and_unchanged_versions_are_refused() -> None:
    assert ids(validate(SMS, "   ")) == [msg.VARIANT_EMPTY]
    assert ids(validate(SMS, SMS.text + "  ")) == [msg.VARIANT_SAME]


def test_sms_stays_within_the_parts_chosen() -> None:
    long = "{{first_name}} " + "x" * 170 + ' {{ city | default("chez vous") }}'
    assert measure(SMS.text).segments == 1
    assert ids(validate(SMS, long)) == [msg.VARIANT_SMS_PARTS]
    two_parts = Original(Channel.SMS, SMS.text, sms_parts=2)
    assert validate(two_parts, long) == []


def test_sms_stays_gsm7_when_the_original_was() -> None:
    assert SMS.gsm7
    emoji = 'Bonjour {{first_name}} 🎉 -20% à {{ city | default("chez vous") }} !'
    (problem,) = validate(SMS, emoji)
    assert problem.id is msg.VARIANT_NOT_GSM7
    assert "🎉" in problem
    curly = 'Bonjour {{first_name}}, c’est -20% à {{ city | default("chez vous") }} !'
    assert ids(validate(SMS, curly)) == [msg.VARIANT_NOT_GSM7]


def test_unicode_sms_may_stay_unicode() -> None:
    original = Original(Channel.SMS, "Bonjour {{first_name}} 🎉 promo")
    assert not original.gsm7
    assert validate(original, "{{first_name}}, promo 🎉 !") == []


def test_whatsapp_template_variables_kept_intact() -> None:
    original = Original(Channel.WHATSAPP, "Bonjour {{1}}, votre commande {{2}} est prête.")
    assert validate(original, "{{1}}, la commande {{2}} vous attend !") == []
    (renumbered,) = validate(original, "{{1}}, la commande {{3}} vous attend !")
    assert renumbered.id is msg.VARIANT_WHATSAPP_VARS
    assert "{{1}}, {{2}}" in renumbered and "{{1}}, {{3}}" in renumbered
    assert ids(validate(original, "Votre commande {{2}} est prête.")) == [msg.VARIANT_WHATSAPP_VARS]
    assert ids(validate(original, "{{1}} {{1}}, commande {{2}} prête")) == [
        msg.VARIANT_WHATSAPP_VARS
    ]


def test_whatsapp_template_text_limit() -> None:
    original = Original(Channel.WHATSAPP, "Bonjour {{1}}", whatsapp_template="promo")
    assert ids(validate(original, "Salut {{1}} " + "a" * 1100)) == [msg.VARIANT_TOO_LONG]


def test_email_needs_a_one_line_subject_without_new_placeholders() -> None:
    original = Original(Channel.EMAIL, "Bonjour {{first_name}},\n\nNotre offre.", "Offre")
    body = "Chère {{first_name}},\n\nVoici notre offre."
    assert validate(original, body, "Une offre pour {{first_name}}") == []
    assert ids(validate(original, body, "")) == [msg.VARIANT_NO_SUBJECT]
    assert ids(validate(original, body, "Offre\nBcc: x")) == [msg.VARIANT_SUBJECT_LINES]
    assert ids(validate(original, body, "Pour {{company}}")) == [msg.VARIANT_SUBJECT_INVENTS]
    assert ids(validate(original, body, "Pour {{ company")) == [msg.VARIANT_SUBJECT_SYNTAX]
    assert ids(validate(original, body, "x" * 200)) == [msg.VARIANT_SUBJECT_TOO_LONG]


def test_schema_is_strict_and_has_a_subject_only_for_email() -> None:
    sms = response_schema(Channel.SMS, 3)
    items = sms["properties"]["variants"]
    assert (items["minItems"], items["maxItems"]) == (3, 3)
    assert set(items["items"]["properties"]) == {"text", "why"}
    assert items["items"]["additionalProperties"] is False
    assert sms["additionalProperties"] is False
    email = response_schema(Channel.EMAIL, 2)["properties"]["variants"]["items"]
    assert email["required"] == ["text", "subject", "why"]


def test_instructions_name_every_placeholder_and_the_sms_limits() -> None:
    system, user = instructions(SMS, 3, language="fr")
    assert system["role"] == "system" and user["role"] == "user"
    assert "{{first_name}}" in system["content"]
    assert '{{ city | default("chez vous") }}' in system["content"]
    assert "160 characters" in system["content"]
    assert "GSM-7" in system["content"]
    assert "exactly 3" in system["content"]
    assert "French" in system["content"]
    assert SMS.text in user["content"]


def test_instructions_for_email_ask_for_a_subject() -> None:
    original = Original(Channel.EMAIL, "Bonjour", "Offre")
    system, user = instructions(original, 2)
    assert "subject" in system["content"]
    assert "Subject:\nOffre" in user["content"]


def test_parse_output_keeps_the_good_and_says_why_for_the_others() -> None:
    answer: dict[str, list[Any]] = {
        "variants": [
            {"text": '{{first_name}}: -20% à {{ city | default("chez vous") }} !', "why": "court"},
            {"text": "Bonjour {{prenom}} !", "why": "x"},
            {"text": '{{first_name}}: -20% à {{ city | default("chez vous") }} !', "why": "y"},
            "not an object",
        ]
    }
    kept, refused = parse_output(json.dumps(answer), SMS)
    assert [v.text for v in kept] == [answer["variants"][0]["text"]]
    assert kept[0].parts == 1 and kept[0].gsm7 and kept[0].why == "court"
    assert [r.reason.id for r in refused][1:] == [msg.VARIANT_REPEATED, msg.OUTPUT_BAD_ITEM]
    assert refused[0].text == "Bonjour {{prenom}} !"
    assert msg.VARIANT_DROPS.template.split("{")[0] in refused[0].reason


@pytest.mark.parametrize("raw", ["not json", "[1, 2]", '{"versions": []}'])
def test_unreadable_output_is_refused_whole(raw: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_output(raw, SMS)
    assert caught.value.message.id is msg.BAD_OUTPUT  # type: ignore[attr-defined]
