"""``localpro-cloud``: run the service, or migrate its database ahead of a deploy.

    localpro-cloud serve [--host 127.0.0.1] [--port 8765] [--database-url URL]
                         [--public-url URL]
    localpro-cloud migrate [--database-url URL]

Without a URL the database is a SQLite file in the data folder (``--data-dir``, else
``LOCALPRO_CLOUD_HOME``, else the per-user data folder); ``postgresql+psycopg://...`` uses
PostgreSQL. The URL may also come from ``LOCALPRO_CLOUD_DATABASE_URL``.
"""

import argparse
import logging
import os
import re
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
    serve.add_argument(
        "--public-url",
        help="the address providers and e-mail recipients reach (webhooks, unsubscribe "
        f"pages; or {settings.PUBLIC_URL_ENV}); default http://HOST:PORT",
    )
    serve.add_argument(
        "--registrations-per-hour",
        type=int,
        help="accounts one client address may create an hour (default 20)",
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


class _HideHookIds(logging.Filter):
    """Access-log lines show request paths, and a webhook's path holds its hook id (for
    Africa's Talking, the only secret): keep the route, hide the id."""

    _PATTERN = re.compile(r"(/hooks/[a-z]+/|/e/)[^/\s\"?]+")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                self._PATTERN.sub(r"\1…", a) if isinstance(a, str) else a for a in record.args
            )
        return True


def _serve(args: argparse.Namespace, url: str, home: Path | None) -> int:
    import uvicorn

    from localpro_cloud.app import create_app

    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s %(message)s")
    secret = settings.resolve_secret(args.secret, home)
    public = args.public_url or os.environ.get(settings.PUBLIC_URL_ENV)
    app = create_app(
        url,
        secret=secret,
        public_url=public or f"http://{args.host}:{args.port}",
        registrations_per_hour=args.registrations_per_hour,
    )
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level=args.log_level,
    )
    # After Config: it sets up uvicorn's loggers, which would drop a filter added before.
    logging.getLogger("uvicorn.access").addFilter(_HideHookIds())
    uvicorn.Server(config).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
