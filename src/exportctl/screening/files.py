"""Screening files of parties (CSV or XLSX): read with row-precise errors, write results as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from exportctl.core.errors import ExportControlError, MalformedFile
from exportctl.core.screening.score import DEFAULT_THRESHOLD
from exportctl.screening.index_cache import LoadedIndex, current_index
from exportctl.screening.services import make_query, run_query

MAX_ROWS = 100_000
RESULT_COLUMNS = ["hit_id", "hit_name", "list", "score", "match", "explanation"]


@dataclass(frozen=True)
class Row:
    number: int  # the row number as a spreadsheet shows it (header = 1)
    values: dict[str, str]


def read_rows(
    data: bytes, filename: str, required: tuple[str, ...] = ("name",)
) -> tuple[list[str], list[Row]]:
    """Parse CSV (UTF-8, with or without BOM) or XLSX; errors name the row and the reason."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        header, rows = _xlsx(data, filename)
    else:
        header, rows = _csv(data, filename)
    header = [h.strip() for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise MalformedFile(
            f"missing column(s) {', '.join(missing)}; the header is {', '.join(header) or '(empty)'}",
            location=f"{filename} row 1",
        )
    if len(header) != len(set(header)):
        raise MalformedFile("duplicate column names in the header", location=f"{filename} row 1")
    out = []
    for number, values in rows:
        if len(values) > len(header):
            raise MalformedFile(
                f"{len(values)} cells but the header has {len(header)} columns",
                location=f"{filename} row {number}",
            )
        record = {h: (values[i] if i < len(values) else "") for i, h in enumerate(header)}
        if not any(v.strip() for v in record.values()):
            continue  # blank line
        for column in required:
            if not record[column].strip():
                raise MalformedFile(
                    f"the {column!r} cell is empty", location=f"{filename} row {number}"
                )
        out.append(Row(number, record))
        if len(out) > MAX_ROWS:
            raise MalformedFile(f"more than {MAX_ROWS} rows: split the file", location=filename)
    if not out:
        raise MalformedFile("no data rows", location=filename)
    return header, out


def _csv(data: bytes, filename: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MalformedFile(
            "not UTF-8 text (save the file as CSV UTF-8)", location=f"{filename} row {line}"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise MalformedFile("the file is empty", location=filename) from None
    except csv.Error as exc:
        raise MalformedFile(
            f"not a readable CSV header: {exc}", location=f"{filename} row 1"
        ) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for values in reader:
                yield reader.line_num, values
        except csv.Error as exc:
            raise MalformedFile(
                f"not readable as CSV: {exc}", location=f"{filename} row {reader.line_num}"
            ) from None

    return header, rows()


def _xlsx(data: bytes, filename: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for a damaged file; all mean "not XLSX"
        raise MalformedFile(
            f"not a readable XLSX workbook ({type(exc).__name__})", location=filename
        ) from None
    cells = sheet.iter_rows(values_only=True)
    try:
        header = ["" if v is None else str(v) for v in next(cells)]
    except StopIteration:
        raise MalformedFile("the first sheet is empty", location=filename) from None
    while header and header[-1] == "":
        header.pop()

    def rows() -> Iterator[tuple[int, list[str]]]:
        for number, values in enumerate(cells, start=2):
            row = ["" if v is None else str(v) for v in values]
            while len(row) > len(header) and row[-1] == "":
                row.pop()
            yield number, row

    return header, rows()


def screen_rows(
    rows: list[Row],
    header: list[str],
    *,
    all_hits: bool = False,
    lists: set[str] | None = None,
    loaded: LoadedIndex | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[str], list[dict[str, Any]]]:
    """Screen each row; one output row per input (best hit) or per hit with `all_hits`."""
    loaded = loaded or current_index()
    columns = header + [c for c in RESULT_COLUMNS if c not in header]
    out: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        v = row.values
        try:
            query = make_query(v["name"], v.get("schema"), v.get("country"), v.get("birth_date"))
        except ExportControlError as exc:
            raise MalformedFile(exc.message, location=f"row {row.number}") from None
        hits = run_query(
            query, loaded, threshold=0.0 if not all_hits else DEFAULT_THRESHOLD, limit=50
        )
        if lists:
            hits = [h for h in hits if any(d.list_code in lists for d in h.designations)]
        chosen = hits if all_hits else hits[:1]
        if not chosen:
            out.append(
                {
                    **v,
                    "hit_id": "",
                    "hit_name": "",
                    "list": "",
                    "score": "0.0",
                    "match": "false",
                    "explanation": "",
                }
            )
        for h in chosen:
            out.append(
                {
                    **v,
                    "hit_id": f"{h.source}:{h.entity_key}",
                    "hit_name": h.matched_name,
                    "list": ";".join(sorted({d.list_code for d in h.designations})),
                    "score": f"{h.score:.4f}",
                    "match": "true" if h.score >= DEFAULT_THRESHOLD else "false",
                    "explanation": h.text_en.replace("\n", " | "),
                }
            )
        if progress:
            progress(i + 1)
    return columns, out


def write_csv(columns: list[str], rows: list[dict[str, Any]], target: BinaryIO | Path) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    if isinstance(target, Path):
        target.write_bytes(data)
    else:
        target.write(data)
