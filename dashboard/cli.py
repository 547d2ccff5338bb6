"""The command line: ``trade-figures`` / ``python -m dashboard``.

Bad input never gets a traceback: one line naming the input and the reason
on standard error, and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pandas as pd
from tqdm import tqdm

from dashboard import export, readers
from dashboard.documents import MAX_BYTES, parse_date
from dashboard.errors import DashboardError, DateError, DocumentError
from dashboard.extract import extract_document, figures_frame
from dashboard.store import DATA_ENV, URL_ENV, Store

_DATA_HELP = (
    f"database: a SQLite file or a postgresql:// URL (default: ${URL_ENV}, ${DATA_ENV}, data/figures.db)"
)

PROG = "trade-figures"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as for every bad input
        self.exit(2, f"{PROG}: error: {message} (see '{PROG} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Pull trade figures out of news text and chart them.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    extract = commands.add_parser(
        "extract", help="print the figures table of documents (the store is not touched)"
    )
    _document_arguments(extract)
    extract.add_argument(
        "--format", choices=export.FORMATS, default="csv", help="output format (default csv)"
    )
    extract.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")

    ingest = commands.add_parser("ingest", help="add documents and their figures to the store")
    _document_arguments(ingest)
    ingest.add_argument("--data", help=_DATA_HELP)

    evaluate = commands.add_parser("evaluate", help="score the extractor against an annotated gold file")
    evaluate.add_argument(
        "gold", type=Path, metavar="GOLD.jsonl", help="annotated documents, one JSON per line"
    )
    evaluate.add_argument("--quiet", action="store_true", help="print the scores only, not every wrong field")

    serve = commands.add_parser("serve", help="run the app")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--data", help=_DATA_HELP)
    return parser


def _document_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="document files (.txt .md .html .jsonl .csv) or folders of them",
    )
    command.add_argument(
        "--published", help="publication date (YYYY-MM-DD) for documents with neither one nor a dateline"
    )
    command.add_argument(
        "--max-mb",
        type=float,
        default=MAX_BYTES / 1024 / 1024,
        help=f"largest file read, in MB (default {MAX_BYTES // 1024 // 1024})",
    )


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


def _reads(args: argparse.Namespace) -> Iterator[readers.Read]:
    """Every document the command's paths hold, or why one could not be read."""
    published = _published(args.published)
    files = readers.document_files(args.paths)
    if not files:
        raise DocumentError(
            " ".join(args.paths), f"holds no documents ({', '.join(sorted(readers.FORMATS))})"
        )
    for path in files:
        yield from readers.read_path(path, published=published, max_bytes=int(args.max_mb * 1024 * 1024))


def _failed(read: readers.Read) -> None:
    print(f"{PROG}: error: {read.name}: {read.error}", file=sys.stderr, flush=True)


def _extract(args: argparse.Namespace) -> int:
    frames, failed = [], 0
    for read in _reads(args):
        if read.document is None:
            _failed(read)
            failed += 1
        else:
            frames.append(figures_frame(extract_document(read.document)))
    frame = pd.concat(frames, ignore_index=True) if frames else figures_frame([])
    if args.output is not None:
        export.write(frame, args.format, args.output)
    elif args.format == "parquet":
        raise DashboardError("--format parquet writes binary data: name a file with -o FILE")
    else:
        sys.stdout.write(export.to_csv(frame) if args.format == "csv" else export.to_jsonl(frame))
    return 2 if failed else 0


def _ingest(args: argparse.Namespace) -> int:
    store = Store(args.data)
    failed = added = present = found = 0
    # A bar on standard error when it is a terminal; tqdm leaves it out otherwise.
    with tqdm(desc="ingest", unit=" doc", disable=None, file=sys.stderr, leave=False) as bar:
        for read in _reads(args):
            bar.update()
            if read.document is None:
                bar.clear()
                _failed(read)
                failed += 1
                continue
            try:
                result = store.ingest(read.document)
            except DashboardError as error:
                bar.clear()
                _failed(readers.Read(read.name, error=str(error)))
                failed += 1
                continue
            added += result.added
            present += not result.added
            found += result.figures if result.added else 0
    print(
        f"{added} added, {present} already present, {failed} failed; {found} figures found -> {store.label}"
    )
    return 2 if failed else 0


def _evaluate(args: argparse.Namespace) -> int:
    from dashboard.evaluate import evaluate, load_gold, report

    sys.stdout.write(report(evaluate(load_gold(args.gold)), details=not args.quiet))
    return 0


def seeds_dir() -> Path:
    """The embedded default corpus: ./seeds, else the seeds/ beside the package."""
    here = Path("seeds")
    return here if here.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


def open_default_store(path: str | Path | None = None) -> Store:
    """The store at ``path`` (or the default), holding the seeds when it was empty."""
    store = Store(path)
    if store.is_empty():
        for path in readers.document_files([seeds_dir()]):
            for read in readers.read_path(path):
                if read.document is None:
                    raise DocumentError(read.name, read.error)
                result = store.ingest(read.document)
                print(f"ingested {read.name}: {result.figures} figures", flush=True)
    return store


def _default() -> int:
    return _serve(open_default_store(), DEFAULT_HOST, DEFAULT_PORT)


def _serve(store: Store, host: str, port: int) -> int:
    from dashboard.app import create_app

    app = create_app(store)
    count = store.document_count()
    print(
        f"Serving {count} document{'s' * (count != 1)} from {store.label} at http://{host}:{port}/",
        flush=True,
    )
    app.run(host=host, port=port, debug=False)
    return 0
