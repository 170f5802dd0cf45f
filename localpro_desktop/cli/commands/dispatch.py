"""``dispatch``: send what the local outbox holds now (``--watch``: keep sending)."""

import argparse

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.messages import outbox as msg
from localpro_desktop.services import dispatcher


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
    total = dispatcher.DispatchReport()
    try:
        dispatcher.dispatch_until_idle(
            ctx.ws, channels, watch=args.watch, interval=args.interval, on_round=total.add
        )
    except KeyboardInterrupt:
        if not args.watch:
            raise
        # --watch ends with Ctrl+C: every round committed, say what was done.
    data = {
        "channels": sorted(kind.value for kind in channels),
        **total.as_dict(),
        "pending": dispatcher.pending_count(ctx.ws),
    }
    if total.attempted or total.requeued:
        words = str(
            msg.DISPATCHED(
                sent=total.sent, failed=total.failed, retried=total.retried, unknown=total.unknown
            )
        )
    else:
        words = str(msg.NOTHING_DUE())
    ctx.out.emit(data, words)
    return 0
