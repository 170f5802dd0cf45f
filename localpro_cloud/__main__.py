"""``python -m localpro_cloud`` is the same as the ``localpro-cloud`` command."""

from localpro_cloud.cli import main

raise SystemExit(main())
