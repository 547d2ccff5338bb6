"""The command line: ``trade-figures`` / ``python -m dashboard``.

Bad input never gets a traceback: one line naming the input and the reason
on standard error, and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from dashboard import export
from dashboard.documents import Document, document_paths, parse_date, read_document
from dashboard.errors import DashboardError, DateError, DocumentError
from dashboard.extract import extract_document, figures_frame
from dashboard.store import DATA_ENV, Store

PROG = "trade-figures"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for every bad input
        self.exit(2, f"{PROG}: error: {message} (see '{PROG} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Pull trade figures out of news text and chart them.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    extract = commands.add_parser(
        "extract", help="print the figures table of documents (the store is not touched)"
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="document files or folders")
    extract.add_argument("--published", help="publication date (YYYY-MM-DD) for documents without one")
    extract.add_argument(
        "--format", choices=export.FORMATS, default="csv", help="output format (default csv)"
    )
    extract.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")

    ingest = commands.add_parser("ingest", help="add documents and their figures to the store")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="document files or folders")
    ingest.add_argument("--published", help="publication date (YYYY-MM-DD) for documents without one")
    ingest.add_argument("--data", type=Path, help=f"database file (default: ${DATA_ENV} or data/figures.db)")

    evaluate = commands.add_parser("evaluate", help="score the extractor against an annotated gold file")
    evaluate.add_argument(
        "gold", type=Path, metavar="GOLD.jsonl", help="annotated documents, one JSON per line"
    )
    evaluate.add_argument("--quiet", action="store_true", help="print the scores only, not every wrong field")

    serve = commands.add_parser("serve", help="run the app")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--data", type=Path, help=f"database file (default: ${DATA_ENV} or data/figures.db)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "ingest":
            return _ingest(args)
        if args.command == "evaluate":
            return _evaluate(args)
        if args.command == "serve":
            return _serve(Store(args.data), args.host, args.port)
        return _default()
    except DashboardError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2


def _published(value: str | None):
    try:
        return parse_date(value)
    except DateError as error:
        raise DashboardError(f"--published: {error}") from None


def _read_all(paths: list[str], published) -> list[Document]:
    files = document_paths(paths)
    if not files:
        raise DocumentError(" ".join(paths), "holds no .txt or .md document")
    return [read_document(path, published=published) for path in files]


def _extract(args: argparse.Namespace) -> int:
    documents = _read_all(args.paths, _published(args.published))
    frame = pd.concat([figures_frame(extract_document(d)) for d in documents], ignore_index=True)
    if args.output is not None:
        export.write(frame, args.format, args.output)
    elif args.format == "parquet":
        raise DashboardError("--format parquet writes binary data: name a file with -o FILE")
    else:
        sys.stdout.write(export.to_csv(frame) if args.format == "csv" else export.to_jsonl(frame))
    return 0


def _ingest(args: argparse.Namespace) -> int:
    published = _published(args.published)
    store = Store(args.data)
    failed = added = present = found = 0
    for path in document_paths(args.paths):
        try:
            result = store.ingest(read_document(path, published=published))
        except DashboardError as error:
            print(f"{PROG}: error: {error}", file=sys.stderr)
            failed += 1
            continue
        added += result.added
        present += not result.added
        found += result.figures if result.added else 0
        state = "added" if result.added else "already present"
        print(f"{path}: {state}, {result.figures} figure{'s' * (result.figures != 1)}")
    print(f"{added} added, {present} already present, {failed} failed; {found} figures found -> {store.path}")
    return 2 if failed else 0


def _evaluate(args: argparse.Namespace) -> int:
    from dashboard.evaluate import evaluate, load_gold, report

    sys.stdout.write(report(evaluate(load_gold(args.gold)), details=not args.quiet))
    return 0


def seeds_dir() -> Path:
    """The embedded default corpus: ./seeds, else the seeds/ beside the package."""
    here = Path("seeds")
    return here if here.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


def open_default_store(path: Path | None = None) -> Store:
    """The store at ``path`` (or the default), holding the seeds when it was empty."""
    store = Store(path)
    if store.is_empty():
        for seed in document_paths([seeds_dir()]):
            result = store.ingest(read_document(seed))
            print(f"ingested {seed}: {result.figures} figures", flush=True)
    return store


def _default() -> int:
    return _serve(open_default_store(), DEFAULT_HOST, DEFAULT_PORT)


def _serve(store: Store, host: str, port: int) -> int:
    from dashboard.app import create_app

    app = create_app(store)
    count = store.document_count()
    print(
        f"Serving {count} document{'s' * (count != 1)} from {store.path} at http://{host}:{port}/", flush=True
    )
    app.run(host=host, port=port, debug=False)
    return 0
