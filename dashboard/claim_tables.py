"""Claims in the database: counted as figures come and go, kept in the claims table.

``claims`` says what a claim is; this module keeps the store's ``claim_id`` and
``conflict`` columns and its ``claims`` table true to it, inside the transaction
of each ingest or delete (``store``), reading as little of the corpus as it can.
"""

from __future__ import annotations

import sqlalchemy as sa

from dashboard import claims, schema
from dashboard.claims import Row

# What counting claims reads of each figure: not its sentence, the bulk of a row.
_FIELDS = ("figure_id", "surface", "value", "bound", "direction", "low", "high", "claim_id", "conflict")
COUNTED = ", ".join(dict.fromkeys([*_FIELDS, *claims.KEY]))


def fill_in(db: sa.Connection) -> None:
    """Every figure's flow and value range, after an upgrade, one document at a time."""
    for (doc_id,) in db.execute(sa.text("SELECT doc_id FROM documents")).all():
        text = db.execute(sa.text("SELECT text FROM documents WHERE doc_id = :d"), {"d": doc_id}).scalar_one()
        rows = select_rows(db, "SELECT * FROM figures WHERE doc_id = :d", {"d": doc_id})
        updates = [
            {"f": row["figure_id"], "w": flow, "lo": span[0], "hi": span[1]}
            for row, flow in zip(rows, claims.add_flows(rows, {doc_id: text}), strict=True)
            for span in [claims.span_of(row)]
        ]
        if updates:
            db.execute(
                sa.text("UPDATE figures SET flow = :w, low = :lo, high = :hi WHERE figure_id = :f"),
                updates,
            )


def join(db: sa.Connection, added: list[Row]) -> set[str]:
    """Count the claims of newly stored figures, reading only the claims they may join.

    A claim's reports overlap one another in a chain, so together they cover one span
    of values (the claims table keeps it). A new figure joins, or bridges, the claims
    whose span its range overlaps: they become one claim, named after the least of its
    figure ids. Other claims of the quantity keep their ids; they learn of a conflict
    when the number of claims crosses one. Returns the claim ids read or made.
    """
    groups: dict[tuple[object, ...], list[Row]] = {}
    touched: set[str] = set()
    for row in added:
        key = claims.group_of(row)
        if key is not None:
            groups.setdefault(key, []).append(row)
    where = " AND ".join(f"{k} = :{k}" for k in claims.KEY) + " AND (direction = '') = :level"
    for key, new in groups.items():
        params = {**dict(zip(claims.KEY, key[:-1], strict=True)), "level": not key[-1]}
        before = db.execute(sa.text(f"SELECT COUNT(*) FROM claims WHERE {where}"), params).scalar_one()
        hull = {"lo": min(r["low"] for r in new), "hi": max(r["high"] for r in new)}
        near = select_rows(
            db,
            "SELECT claim_id, figure_id, span_low AS low, span_high AS high FROM claims "
            f"WHERE {where} AND span_high >= :lo AND span_low <= :hi",
            {**params, **hull},
        )
        found = claims.clusters(near + new)
        conflict = before - len(near) + len(found) > 1
        renamed, updates = [], []
        stored = {id(r) for r in near}
        for cluster in found:
            shared = claims.claim_id(r["figure_id"] for r in cluster)
            touched.add(shared)
            for r in cluster:
                if id(r) in stored:
                    touched.add(r["claim_id"])
                    if r["claim_id"] != shared:
                        renamed.append({"old": r["claim_id"], "c": shared, "x": int(conflict)})
                else:
                    updates.append({"f": r["figure_id"], "c": shared, "x": int(conflict)})
        if renamed:
            db.execute(
                sa.text("UPDATE figures SET claim_id = :c, conflict = :x WHERE claim_id = :old"), renamed
            )
        db.execute(sa.text("UPDATE figures SET claim_id = :c, conflict = :x WHERE figure_id = :f"), updates)
        if conflict != (before > 1):
            flip = {**params, "x": int(conflict)}
            db.execute(sa.text(f"UPDATE figures SET conflict = :x WHERE {where}"), flip)
            db.execute(sa.text(f"UPDATE claims SET conflict = :x WHERE {where}"), flip)
    return touched


def refresh(db: sa.Connection, claim_ids: set[str] | None) -> None:
    """Make the claims rows of ``claim_ids`` (all, for None) what their figures say now."""
    if claim_ids is None:
        db.execute(sa.text("DELETE FROM claims"))
        db.execute(sa.text(f"INSERT INTO claims {schema.CLAIM_ROWS} GROUP BY f.claim_id"))
        return
    ordered = sorted(claim_ids)
    for at in range(0, len(ordered), 500):  # bounded parameter lists
        chunk = {f"c{i}": c for i, c in enumerate(ordered[at : at + 500])}
        names = ", ".join(f":{k}" for k in chunk)
        db.execute(sa.text(f"DELETE FROM claims WHERE claim_id IN ({names})"), chunk)
        rows = f"{schema.CLAIM_ROWS} WHERE f.claim_id IN ({names}) GROUP BY f.claim_id"
        db.execute(sa.text(f"INSERT INTO claims {rows}"), chunk)


def recount(db: sa.Connection, touched: list[Row] | None) -> None:
    """Reassign the claims of every quantity ``touched`` reports (all, for None)."""
    if touched is None:
        stored = select_rows(db, f"SELECT {COUNTED} FROM figures", {})
    else:
        keys = {tuple(r[k] for k in claims.KEY) for r in touched if r["metric"] and r["period_start"]}
        # One query per quantity, each an index lookup: an OR of them would scan the table.
        where = " AND ".join(f"{k} = :{k}" for k in claims.KEY)
        stored = [
            row
            for key in sorted(keys)
            for row in select_rows(
                db,
                f"SELECT {COUNTED} FROM figures WHERE {where}",
                dict(zip(claims.KEY, key, strict=True)),
            )
        ]
    updates = [
        {"f": row["figure_id"], "c": claim, "x": int(conflict), "old": row["claim_id"]}
        for row, (claim, conflict) in zip(stored, claims.count(stored), strict=True)
        if claim != row["claim_id"] or bool(conflict) != bool(row["conflict"])
    ]
    if updates:
        db.execute(sa.text("UPDATE figures SET claim_id = :c, conflict = :x WHERE figure_id = :f"), updates)
    if touched is None:
        refresh(db, None)
    else:
        gone = {r["claim_id"] for r in touched}
        refresh(db, gone | {u["c"] for u in updates} | {u["old"] for u in updates})


def select_rows(db: sa.Connection, sql: str, params: Row) -> list[Row]:
    return [dict(row) for row in db.execute(sa.text(sql), params).mappings()]
