"""`minutes due`, `minutes check ID` and `minutes report service`: timescales, completeness checks
and the anonymised CP service report over the record store.

Commands parse options, read the store and call one library function (rules.due, rules.checks,
report).  Output cites record ids, rule ids, dates and counts, never names or document text.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import ConfigError

report_app = typer.Typer(
    name="report",
    help="Reports over the record store.  Example: minutes report service --from 2024-04-01 --to 2025-03-31 "
         "--format docx --out cp_service_2024-25.docx",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


def _cli():
    from . import cli

    return cli


def _open_store(settings):
    from .records.store import Store

    return Store.open(settings.db)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"option {option}: '{value[:20]}' is not a date; use YYYY-MM-DD") from None


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        typer.echo(f"Error: unknown format '{fmt}'; use {', '.join(allowed)}", err=True)
        raise typer.Exit(code=1)


def due(
    within: Annotated[int, typer.Option(min=0, help="Also list steps due within this many working days.")] = 10,
    today: Annotated[Optional[str], typer.Option(help="Work as if today were this date (YYYY-MM-DD).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List what is overdue, or due within N working days, across the stored conference records.

    Timescales (ICPC, outcome letter, record, first core group, reviews) come from
    models/rules/timescales.json with local overrides from the `timescales` setting; working days
    skip the bank holidays of the `nation` setting.

    Example: minutes due --within 10
    """
    from .rules.due import due_across

    _check_format(fmt, ("table", "json"))
    cli = _cli()
    with cli.reported():
        settings = cli.settings()
        when = _date(today, "--today") or date.today()
        with _open_store(settings) as store:
            items = due_across(store.iter_records(kind="conference"), settings, within=within, today=when)
    if fmt == "json":
        json.dump([i.to_dict() for i in items], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    if not items:
        typer.echo(f"Nothing overdue or due within {within} working days of {when.isoformat()}.")
        return
    typer.echo(f"{'record':>6}  {'due':10}  {'step':22}  status")
    for item in items:
        typer.echo(f"{item.record_id!s:>6}  {item.due.isoformat() if item.due else '-':10}  {item.rule_id:22}  {item.text}")
    overdue = sum(1 for i in items if i.status == "overdue")
    typer.echo(f"{len(items)} step(s): {overdue} overdue, {len(items) - overdue} due by "
               f"{within} working days from {when.isoformat()}.")


def check(
    record_id: Annotated[int, typer.Argument(help="The conference record's id (see `minutes records list`).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Completeness checks before sign-off: what a chair would be criticised for in a record.

    Rules are data (models/rules/checks.json): missing category for a child on a plan, no
    contingency plan, no child's views, dissent mentioned but not recorded, review date beyond the
    statutory limit, a conference on a weekend or bank holiday, an excluded family member on the
    distribution list, and more.  Due dates are shown after the findings.

    Example: minutes check 12
    """
    from .rules.checks import check_record
    from .rules.due import summary

    _check_format(fmt, ("table", "json"))
    cli = _cli()
    with cli.reported():
        settings = cli.settings()
        with _open_store(settings) as store:
            record = store.get(record_id)
        if record.get("kind") != "conference":
            raise ConfigError(f"record {record_id} is a {record.get('kind')} record; "
                              "checks apply to conference records")
        findings = check_record(record, settings)
        timescales = summary(record, settings)
    if fmt == "json":
        json.dump({"record_id": record_id, "findings": [f.to_dict() for f in findings],
                   "due": timescales}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    for finding in findings:
        typer.echo(f"{finding.severity:7}  {finding.rule_id:28}  {finding.message}")
    errors = sum(1 for f in findings if f.severity == "error")
    typer.echo(f"record {record_id}: {errors} error(s), {len(findings) - errors} warning(s)")
    for item in timescales:
        due_on = item["due"] or "-"
        typer.echo(f"  due {due_on:10}  {item['rule']:22}  {item['text']}")


@report_app.command("service")
def service(
    date_from: Annotated[str, typer.Option("--from", help="First conference date (YYYY-MM-DD).")],
    date_to: Annotated[str, typer.Option("--to", help="Last conference date (YYYY-MM-DD).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="docx, html or md.")] = "docx",
    compare: Annotated[Optional[Path], typer.Option(help="CSV of comparison figures (national, statistical "
                                                         "neighbours) shown beside ours.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """The CP conference service report for a period, anonymised, with charts.

    Numbers of ICPCs and RCPCs, % of ICPCs within 15 working days, plans by category, plans open
    over 2 years and ending after 2+ years, second or subsequent plans, risk factors, attendance
    and reports by agency, fathers' attendance.  Counts under the `suppression_threshold` setting
    (default 5) show as "<5"; no child or family member is named.

    Example: minutes report service --from 2024-04-01 --to 2025-03-31 --format docx --out cp_service.docx
    """
    from .report import service_report
    from .report.render import FORMATS, render_bytes, write_private

    _check_format(fmt, FORMATS)
    cli = _cli()
    with cli.reported():
        settings = cli.settings()
        start, end = _date(date_from, "--from"), _date(date_to, "--to")
        if start > end:
            raise ConfigError(f"--from {date_from} is after --to {date_to}; swap them")
        if out.exists() and not force:
            raise ConfigError(f"Cannot write '{out.name}': it already exists; use --force to replace it")
        with _open_store(settings) as store:
            doc = service_report(store.iter_records(kind="conference", date_to=end), start, end, settings,
                                 compare=compare)
        write_private(out, render_bytes(doc, fmt), force=force)
    conferences = doc.tables[0].rows[0].cells[0]
    typer.echo(f"{out.name}: service report, {conferences} conference(s) from {start} to {end}")
