"""Allow ``python -m localpro_desktop`` so the app runs without the console script installed."""

from localpro_desktop.cli.main import main

raise SystemExit(main())
