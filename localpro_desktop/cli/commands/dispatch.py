"""``dispatch``: send what the local outbox holds now (``--watch``: keep sending).

One dispatcher per workspace: while the app (or another ``localpro dispatch``) holds the
dispatch lease, this command refuses with exit code 3 and says who holds it.
"""

import argparse
import json
import os
import sys

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.messages import channels as channel_msg
from localpro_desktop.domain.messages import outbox as msg
from localpro_desktop.services import dispatch as dispatcher

LEASE_HELD_EXIT = 3


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser(
        "dispatch", help="send the queued campaign messages until nothing is left to send now"
    )
    p.add_argument(
        "--watch", action="store_true", help="keep running and send new messages as they come"
    )
    p.add_argument(
        "--interval", type=float, default=5.0, help="seconds between checks with --watch"
    )
    p.add_argument(
        "--include-late",
        action="store_true",
        help="also send scheduled campaigns more than 24 hours late (the app asks first)",
    )
    # Its own dest: a subcommand's default would otherwise undo "localpro --json dispatch".
    p.add_argument("--json", dest="dispatch_json", action="store_true", help="JSON output")
    p.set_defaults(handler=dispatch)


def dispatch(ctx: Context, args: argparse.Namespace) -> int:
    if args.dispatch_json:
        ctx.out.json_mode = True
    channels = dispatcher.channels_for(ctx.ws)
    if not channels:
        words = str(msg.NO_CHANNEL())
        ctx.out.emit(
            {"channels": [], "pending": dispatcher.pending_count(ctx.ws), "message": words},
            words,
        )
        return 0
    owner = f"localpro dispatch (pid {os.getpid()})"
    with dispatcher.lease(ctx.ws, owner) as held:
        if not held:
            return _refused(ctx, held.holder)
        total = dispatcher.DispatchReport()
        try:
            dispatcher.dispatch_until_idle(
                ctx.ws,
                channels,
                watch=args.watch,
                interval=args.interval,
                on_round=total.add,
                rates=dispatcher.configured_rates(ctx.ws),
                include_late=args.include_late,
                lease=held,
            )
        except KeyboardInterrupt:
            if not args.watch:
                raise
            # --watch ends with Ctrl+C: every round committed, say what was done.
    problems = dispatcher.channel_problems(ctx.ws)
    data = {
        "channels": sorted(kind.value for kind in channels),
        **total.as_dict(),
        "pending": dispatcher.pending_count(ctx.ws),
        "problems": {channel.value: words for channel, words in problems.items()},
    }
    lines: list[str] = []
    if total.attempted or total.requeued:
        lines.append(
            str(
                msg.DISPATCHED(
                    sent=total.sent,
                    failed=total.failed,
                    retried=total.retried,
                    unknown=total.unknown,
                )
            )
        )
    elif not total.held:
        lines.append(str(msg.NOTHING_DUE()))
    if total.held:
        lines.append(str(msg.HELD(held=total.held)))
    for channel, words in sorted(problems.items()):
        name = channel_msg.CHANNEL_NAME[channel.value]()
        lines.append(str(msg.CHANNEL_STOPPED(channel=name, words=words)))
    ctx.out.emit(data, "\n".join(lines))
    return 0


def _refused(ctx: Context, holder: dispatcher.LeaseHolder | None) -> int:
    owner = holder.owner if holder is not None else "?"
    until = holder.expires_at.astimezone().strftime("%H:%M:%S") if holder is not None else "?"
    words = str(msg.LEASE_HELD(owner=owner, until=until))
    if ctx.out.json_mode:
        data = {"error": words, "holder": owner, "until": until}
        sys.stderr.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        sys.stderr.write(f"error: {words}\n")
    return LEASE_HELD_EXIT
