"""Entry point of the bundled LocalPro executable (what ``localpro`` is in a checkout).

``freeze_support()`` comes first: the importer checks rows in worker processes started with
"spawn", and in a frozen program each worker is this same executable, which must turn into
a worker instead of opening another window.
"""

import multiprocessing

multiprocessing.freeze_support()

from localpro_desktop.cli.main import main  # noqa: E402 - after freeze_support on purpose

raise SystemExit(main())
