"""The command line on the seed, and on bad input: one line naming the input, exit 2."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pandas as pd
import pytest

from dashboard.columns import NAMES
from tests.conftest import ROOT, SEED, run_cli
from tests.test_extract_seed import EXPECTED, FIELDS


def _rows(stdout: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(stdout)))


def test_extract_prints_the_four_seed_figures_as_csv():
    result = run_cli("extract", "seeds/000_3449a7e67f893c9d.txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split(",") == list(NAMES)
    rows = _rows(result.stdout)
    got = [tuple(float(r[f]) if f == "value" else r[f] for f in FIELDS) for r in rows]
    assert got == EXPECTED


def test_extract_jsonl_and_parquet(tmp_path):
    result = run_cli("extract", str(SEED), "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["surface"] for r in records] == ["$190 billion", "$70 billion", "40%", "40%"]
    out = tmp_path / "figures.parquet"
    assert run_cli("extract", str(SEED), "--format", "parquet", "-o", str(out)).returncode == 0
    frame = pd.read_parquet(out)
    assert list(frame.columns) == list(NAMES)
    assert frame["value"].tolist() == [190e9, 70e9, 40.0, 40.0]


def test_extract_published_fills_a_missing_date(tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("China's exports to Russia rose 12% last year.\n", encoding="utf-8")
    rows = _rows(run_cli("extract", str(doc), "--published", "2024-02-01").stdout)
    assert (rows[0]["period_start"], rows[0]["period_end"]) == ("2023-01-01", "2023-12-31")


def test_ingest_reports_and_is_idempotent(tmp_path):
    data = tmp_path / "figures.db"
    first = run_cli("ingest", "seeds", "--data", str(data))
    assert first.returncode == 0, first.stderr
    assert "1 added, 0 already present, 0 failed; 4 figures found" in first.stdout
    second = run_cli("ingest", "seeds", "--data", str(data))
    assert "0 added, 1 already present" in second.stdout
    with sqlite3.connect(data) as db:
        assert db.execute("SELECT COUNT(*) FROM figures").fetchone()[0] == 4


def _bad_inputs(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Exports rose 5% in Düsseldorf.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    bad_meta = tmp_path / "bad-date.txt"
    bad_meta.write_text("---\npublished: 24/05/2023\n---\nTrade rose 5%.\n", encoding="utf-8")
    return [
        (binary, "is a binary file"),
        (latin, "is not UTF-8 text"),
        (empty, "is empty"),
        (tmp_path / "missing.txt", "no such file"),
        (bad_meta, "invalid date '24/05/2023'"),
    ]


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_bad_files_get_one_line_and_exit_2(tmp_path, command):
    for path, reason in _bad_inputs(tmp_path):
        result = (
            run_cli(command, str(path), "--data", str(tmp_path / "x.db"))
            if command == "ingest"
            else run_cli(command, str(path))
        )
        assert result.returncode == 2, (path, result.stdout, result.stderr)
        errors = result.stderr.strip().splitlines()
        assert len(errors) == 1, errors
        assert str(path) in errors[0] and reason in errors[0]
        assert "Traceback" not in result.stderr


def test_malformed_published_date():
    result = run_cli("extract", str(SEED), "--published", "2023-02-30")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "trade-figures: error: --published: invalid date '2023-02-30': "
        "write it as YYYY-MM-DD, e.g. 2023-05-24"
    )


def test_bad_file_in_ingest_loses_nothing_stored(tmp_path):
    data = tmp_path / "figures.db"
    assert run_cli("ingest", str(SEED), "--data", str(data)).returncode == 0
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    result = run_cli("ingest", str(bad), "--data", str(data))
    assert result.returncode == 2
    with sqlite3.connect(data) as db:
        assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
        assert db.execute("SELECT COUNT(*) FROM figures").fetchone()[0] == 4


def test_unknown_command_is_one_line():
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_ingest_a_folder_of_every_format_into_sqlite_and_postgresql(tmp_path, pg_server):
    from tests import postgres

    corpus = ROOT / "examples" / "corpus"
    with postgres.database(pg_server) as url:
        for target in (str(tmp_path / "figures.db"), url):
            first = run_cli("ingest", str(corpus), "--data", target)
            assert first.returncode == 0, first.stderr
            assert first.stdout.startswith("7 added, 0 already present, 0 failed; 16 figures found")
            again = run_cli("ingest", str(corpus), "--data", target)
            assert again.stdout.startswith("0 added, 7 already present, 0 failed; 0 figures found")
        assert "password" not in first.stdout


def test_a_bad_line_is_named_and_the_good_lines_are_kept(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"text": "Exports rose 5% in 2023."}\n{oops\n{"text": "Imports fell 2% in 2023."}\n')
    result = run_cli("ingest", str(batch), "--data", str(tmp_path / "f.db"))
    assert result.returncode == 2
    assert (
        result.stderr.strip() == f"trade-figures: error: {batch} line 2: not JSON (Expecting property name "
        "enclosed in double quotes at column 2)"
    )
    assert result.stdout.startswith("2 added, 0 already present, 1 failed; 2 figures found")


def test_ingest_shows_a_progress_bar_on_a_terminal(tmp_path):
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    # A terminal 100 columns wide: a new pseudo-terminal has none, and tqdm draws nothing in 0.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "ingest", str(ROOT / "examples" / "corpus"), "--data",
         str(tmp_path / "f.db")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=follower, text=True,
    )  # fmt: skip
    os.close(follower)
    out, _ = process.communicate(timeout=120)
    bar = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        bar += chunk
    os.close(leader)
    assert process.returncode == 0
    assert b"\ringest: " in bar and b" doc/s]" in bar  # tqdm drew on the terminal
    assert out.startswith("7 added")
