"""``localpro-cloud``: run the service, or migrate its database ahead of a deploy.

    localpro-cloud serve [--host 127.0.0.1] [--port 8765] [--database-url URL]
    localpro-cloud migrate [--database-url URL]

Without a URL the database is a SQLite file in the data folder (``--data-dir``, else
``LOCALPRO_CLOUD_HOME``, else the per-user data folder); ``postgresql+psycopg://...`` uses
PostgreSQL. The URL may also come from ``LOCALPRO_CLOUD_DATABASE_URL``.
"""

import argparse
import logging
import sys
from pathlib import Path

from sqlalchemy.exc import OperationalError

from localpro_cloud import settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="localpro-cloud", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--database-url", help="sqlite:///FILE or postgresql+psycopg://...")
        sub.add_argument("--data-dir", help="folder for the SQLite file and the secret")

    serve = commands.add_parser("serve", help="run the HTTP service")
    common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--secret", help=f"token signing secret (or {settings.SECRET_ENV}); shared by instances"
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="load balancer addresses trusted for X-Forwarded-For (client IPs for rate limits)",
    )
    serve.add_argument("--log-level", default="info")
    migrate = commands.add_parser("migrate", help="bring the database schema to the latest")
    common(migrate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    home = settings.data_dir(args.data_dir) if args.data_dir else None
    url = args.database_url or settings.default_database_url(home)
    try:
        if args.command == "migrate":
            from localpro_cloud import db

            engine = db.make_engine(url)
            db.migrate(engine)
            print(f"Database at revision {db.current_revision(engine)}.")
            engine.dispose()
            return 0
        return _serve(args, url, home)
    except OperationalError as exc:
        print(f"localpro-cloud: cannot use the database: {exc.orig}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"localpro-cloud: {exc}", file=sys.stderr)
        return 2


def _serve(args: argparse.Namespace, url: str, home: Path | None) -> int:
    import uvicorn

    from localpro_cloud.app import create_app

    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s %(message)s")
    secret = settings.resolve_secret(args.secret, home)
    app = create_app(url, secret=secret)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level=args.log_level,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
