"""What every command handler receives: the open workspace and the output printer."""

import argparse
from dataclasses import dataclass, field

from localpro_desktop.cli.output import Printer
from localpro_desktop.paths import WorkspacePaths, resolve_data_dir
from localpro_desktop.services.workspace import Workspace


@dataclass
class Context:
    args: argparse.Namespace
    out: Printer
    paths: WorkspacePaths
    _ws: Workspace | None = field(default=None, init=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> "Context":
        return cls(args, Printer(json_mode=args.json), resolve_data_dir(args.data_dir))

    @property
    def ws(self) -> Workspace:
        """Opened on first use, so commands such as ``restore`` can work on a closed file."""
        if self._ws is None:
            self._ws = Workspace.open(self.paths)
        return self._ws

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
            self._ws = None
