"""``localpro ai``: the assistant from the command line.

    localpro ai ask "QUESTION" [--mode general|campaign|prospects] [--campaign ID]
                               [--conversation ID] [--personal-data] [--json]
    localpro ai improve --campaign ID [--variants N] [--json]
    localpro ai segment "WORDS" [--save NAME] [--json]
    localpro ai usage [--json]
    localpro ai settings [--model M] [--base-url URL] [--cap TOKENS|none] [--json]
    localpro ai key --from-stdin | --forget

``ai ask`` streams the answer to standard output; ``--json`` prints ``{"answer", "model",
"usage": {"prompt_tokens", "completion_tokens", "total_tokens"}, "conversation_id"}``
instead. With no key and no local server it exits 1 saying how to add one, having called
no server. The key is read from standard input into the OS keyring, never from the
command line.
"""

from __future__ import annotations

import argparse
import sys

from localpro_desktop.cli.commands import ai_tools
from localpro_desktop.cli.context import Context
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import assistant as msg
from localpro_desktop.services.assistant import settings, usage
from localpro_desktop.services.assistant.ask import ask as ask_assistant
from localpro_desktop.services.assistant.context import Mode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ai", help="the AI assistant: ask, improve a campaign, segments in words")
    ai_sub = p.add_subparsers(dest="ai_command", metavar="AI_COMMAND", required=True)

    a = ai_sub.add_parser("ask", help="ask the assistant (the answer is streamed)")
    a.add_argument("question")
    a.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.GENERAL.value)
    a.add_argument("--campaign", help="the campaign to optimise (campaign mode)")
    a.add_argument("--conversation", help="go on with this conversation")
    a.add_argument(
        "--personal-data",
        action="store_true",
        help="allow contacts' names, numbers and e-mails in this conversation's context",
    )
    a.add_argument("--json", dest="ai_json", action="store_true", help="JSON output")
    a.set_defaults(handler=ask)

    u = ai_sub.add_parser("usage", help="tokens used this month, and the cap")
    u.add_argument("--json", dest="ai_json", action="store_true", help="JSON output")
    u.set_defaults(handler=show_usage)

    s = ai_sub.add_parser("settings", help="model, server (e.g. a local Ollama) and monthly cap")
    s.add_argument("--model", help="e.g. gpt-4o-mini, or llama3.2 on a local server")
    s.add_argument("--base-url", help="an OpenAI-compatible server; '' for OpenAI")
    s.add_argument("--cap", help="monthly token cap, or 'none'")
    s.add_argument("--json", dest="ai_json", action="store_true", help="JSON output")
    s.set_defaults(handler=configure)

    k = ai_sub.add_parser("key", help="the OpenAI API key, in the OS keyring")
    group = k.add_mutually_exclusive_group(required=True)
    group.add_argument("--from-stdin", action="store_true", help="read the key from stdin")
    group.add_argument("--forget", action="store_true", help="remove the stored key")
    k.set_defaults(handler=key)

    ai_tools.register_subcommands(ai_sub)


def ask(ctx: Context, args: argparse.Namespace) -> int:
    if args.ai_json:
        ctx.out.json_mode = True
    stream = ask_assistant(
        ctx.ws,
        args.question,
        mode=Mode(args.mode),
        conversation_id=args.conversation,
        campaign_id=args.campaign,
        personal=True if args.personal_data else None,
    )
    out = ctx.out.stream
    for piece in stream:
        if not ctx.out.json_mode:
            out.write(piece)
            out.flush()
    answer = stream.answer
    assert answer is not None
    if ctx.out.json_mode:
        use = answer.usage
        ctx.out.emit(
            {
                "answer": answer.text,
                "model": answer.model,
                "usage": {
                    "prompt_tokens": use.prompt if use else None,
                    "completion_tokens": use.completion if use else None,
                    "total_tokens": use.total if use else None,
                },
                "conversation_id": answer.conversation_id,
            }
        )
    else:
        out.write("\n")
    return 0


def show_usage(ctx: Context, args: argparse.Namespace) -> int:
    if args.ai_json:
        ctx.out.json_mode = True
    used = usage.month_usage(ctx.ws)
    data = {
        "month": used.month,
        "prompt_tokens": used.prompt,
        "completion_tokens": used.completion,
        "total_tokens": used.total,
        "calls": used.calls,
        "cap": used.cap,
        "remaining": used.remaining,
        "resets_on": used.resets_on,
        "model": settings.view(ctx.ws).model,
    }
    cap = f" of {used.cap:,}" if used.cap else " (no cap)"
    ctx.out.emit(
        data,
        f"{used.month}: {used.total:,} tokens{cap} — {used.prompt:,} prompt, "
        f"{used.completion:,} completion, {used.calls} call(s); model {data['model']}",
    )
    return 0


def configure(ctx: Context, args: argparse.Namespace) -> int:
    if args.ai_json:
        ctx.out.json_mode = True
    if args.model is not None:
        settings.set_model(ctx.ws, args.model)
    if args.base_url is not None:
        settings.set_base_url(ctx.ws, args.base_url)
    if args.cap is not None:
        text = args.cap.strip().lower()
        settings.set_cap(ctx.ws, None if text in ("", "none", "0") else _whole(args.cap))
    view = settings.view(ctx.ws)
    data = {
        "model": view.model,
        "base_url": view.base_url,
        "has_key": view.has_key,
        "key_from_env": view.key_from_env,
        "model_from_env": view.model_from_env,
        "base_url_from_env": view.base_url_from_env,
        "cap": view.cap,
        "ready": view.ready,
    }
    ctx.out.emit(data)
    return 0


def _whole(text: str) -> int:
    try:
        return int(text.strip().replace(",", "").replace("_", ""))
    except ValueError:
        raise UserError(msg.BAD_CAP, value=text) from None


def key(ctx: Context, args: argparse.Namespace) -> int:
    if args.forget:
        settings.forget_key(ctx.ws)
        ctx.out.emit({"key": "forgotten"}, "The OpenAI key was removed from the OS keyring.")
        return 0
    settings.save_key(ctx.ws, sys.stdin.readline().strip())
    ctx.out.emit({"key": "saved"}, "The OpenAI key is in the OS keyring.")
    return 0
