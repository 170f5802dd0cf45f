"""``localpro ai improve`` and ``localpro ai segment``: the assistant's two tools.

The ``ai`` command group belongs to ``cli/commands/ai.py`` (``ask``, ``usage``); it calls
``register_subcommands`` with its subparsers so both modules add to one group. Their
options and JSON keys are a contract scripts rely on:

``ai improve --campaign ID [--variants N] [--parts N] [--json]`` prints the checked
versions, then the refused ones with their reasons; JSON: ``channel``, ``original``
(``text``, ``subject``), ``variants`` (``text``, ``subject``, ``parts``, ``gsm7``,
``why``), ``rejected`` (``text``, ``reason``), ``notes``, ``model``, ``usage``. Exit 0 even
when every version was refused (the answer is then an empty list, said in words).

``ai segment "WORDS" [--save NAME] [--json]`` prints the rule made from the words (and
saves it as a segment with ``--save``); JSON: ``rule``, ``summary``, ``model``, ``usage``
and, when saved, ``segment`` (``id``, ``name``, ``members``).
"""

from __future__ import annotations

import argparse
from typing import Any

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.messages import ai_tools as msg
from localpro_desktop.services.assistant import improve as improving
from localpro_desktop.services.assistant import words
from localpro_desktop.services.segments import SegmentService


def register_subcommands(ai_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``improve`` and ``segment`` to the ``ai`` group's subparsers."""
    im = ai_sub.add_parser("improve", help="better versions of a campaign's message, checked")
    im.add_argument("--campaign", required=True, metavar="ID", help="the campaign's id")
    im.add_argument("--variants", type=int, default=3, metavar="N", help="how many (1-5)")
    im.add_argument(
        "--parts",
        type=int,
        metavar="N",
        help="SMS: most parts a version may take (default: as now)",
    )
    _json_flag(im)
    im.set_defaults(handler=improve)

    sg = ai_sub.add_parser("segment", help="a segment rule from words, shown (or saved)")
    sg.add_argument("words", help='e.g. "restaurants à Dakar pas contactés depuis un mois"')
    sg.add_argument("--save", metavar="NAME", help="save the rule as a segment with this name")
    _json_flag(sg)
    sg.set_defaults(handler=segment)


def _json_flag(parser: argparse.ArgumentParser) -> None:
    # Its own dest: a subcommand's default would otherwise undo "localpro --json ai …".
    parser.add_argument("--json", dest="ai_tools_json", action="store_true", help="JSON output")


def _json(ctx: Context, args: argparse.Namespace) -> None:
    if getattr(args, "ai_tools_json", False):
        ctx.out.json_mode = True


def _usage(prompt: int, completion: int) -> dict[str, int]:
    return {"prompt": prompt, "completion": completion, "total": prompt + completion}


def improve(ctx: Context, args: argparse.Namespace) -> int:
    _json(ctx, args)
    result = improving.improve_campaign(
        ctx.ws, args.campaign, variants=args.variants, sms_parts=args.parts
    )
    data: dict[str, Any] = {
        "channel": result.channel.value,
        "original": {"text": result.original_text, "subject": result.original_subject},
        "variants": [
            {"text": v.text, "subject": v.subject, "parts": v.parts, "gsm7": v.gsm7, "why": v.why}
            for v in result.variants
        ],
        "rejected": [{"text": r.text, "reason": str(r.reason)} for r in result.rejected],
        "notes": [str(note) for note in result.notes],
        "model": result.model,
        "usage": _usage(result.usage.prompt, result.usage.completion),
    }
    if ctx.out.json_mode:
        ctx.out.emit(data)
        return 0
    lines: list[str] = []
    for number, variant in enumerate(result.variants, start=1):
        head = f"— {number}"
        if variant.parts:
            head += f" ({variant.parts} SMS, {'GSM-7' if variant.gsm7 else 'Unicode'})"
        lines.append(head)
        if variant.subject:
            lines.append(f"Subject: {variant.subject}")
        lines.append(variant.text)
        if variant.why:
            lines.append(f"  ({variant.why})")
        lines.append("")
    if result.rejected:
        if not result.variants:
            lines.append(str(msg.NO_VERSION_KEPT()))
        for rejected in result.rejected:
            lines.append(f"× {_one_line(rejected.text)}\n  {rejected.reason}")
    lines += [str(note) for note in result.notes]
    ctx.out.emit(data, "\n".join(lines).rstrip())
    return 0


def _one_line(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def segment(ctx: Context, args: argparse.Namespace) -> int:
    _json(ctx, args)
    result = words.segment_rule_from_words(ctx.ws, args.words)
    data: dict[str, Any] = {
        "rule": result.rule.to_dict(),
        "summary": result.description,
        "model": result.model,
        "usage": _usage(result.usage.prompt, result.usage.completion),
    }
    human = result.description
    if args.save:
        info = SegmentService(ctx.ws).create_rule(args.save, result.rule, args.words)
        data["segment"] = {"id": info.id, "name": info.name, "members": info.member_count}
        human += "\n" + str(msg.SEGMENT_SAVED(name=info.name, count=info.member_count))
    ctx.out.emit(data, human)
    return 0
