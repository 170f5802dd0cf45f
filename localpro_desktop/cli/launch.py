"""What ``localpro`` with no command does: the desktop app, or a summary without Qt.

A fresh workspace is filled with demo data first, so the first look shows a living CRM.
"""

from localpro_desktop.cli.context import Context


def launch(ctx: Context) -> int:
    try:
        from localpro_desktop.ui.app import run_app
    except ImportError:  # installed without the [ui] extra: a summary in the terminal
        pass
    else:
        ctx.close()
        return run_app(ctx.paths)
    if ctx.ws.is_empty():
        from localpro_desktop.services.demo import generate_demo

        generate_demo(ctx.ws)
    from localpro_desktop.cli.commands.stats import stats

    ctx.out.emit(f"LocalPro workspace: {ctx.paths.root}")
    import argparse

    return stats(ctx, argparse.Namespace(days=30))
