"""``egovops topology``: discover links over LLDP/CDP, show them and the dependency tree, export."""

from __future__ import annotations

import sys
import time
from dataclasses import asdict
from pathlib import Path

import click

from egovops.audit.log import AuditLog
from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.i18n import tr
from egovops.inventory.csv_io import write_csv
from egovops.snmp import SnmpClient, SnmpLoop
from egovops.topology.candidates import inventory_rows
from egovops.topology.editing import TopologyEditor
from egovops.topology.export import export, topology_graph
from egovops.topology.service import DiscoveryReport, TopologyService


@click.group(help=tr("Links between devices (LLDP/CDP), the dependency tree and the map."))
def topology() -> None:
    pass


class ProgressLine:
    """``walked 120/300 devices (40 %), 9.8 s`` on stderr: redrawn in place on a terminal, else a
    line every tenth of the way (logs, pipes). Called on the SNMP loop's thread: it only prints."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int, _device: str) -> None:
        tenth = 10 * done // max(total, 1)
        if not self.tty and tenth == self.shown and done != total:
            return
        self.shown = tenth
        line = tr("walked {done}/{total} devices ({percent:.0f} %), {seconds:.1f} s", done=done, total=total,
                  percent=100.0 * done / max(total, 1), seconds=time.monotonic() - self.started)
        click.echo(("\r" + line + ("\n" if done == total else "")) if self.tty else line, err=True, nl=not self.tty)


def _report_json(report: DiscoveryReport) -> dict[str, object]:
    d = report.discovery
    return {
        "summary": asdict(report.summary),
        "links": [asdict(link) for link in d.links],
        "candidates": [asdict(c) for c in d.candidates],
        "failures": d.failures,
        "problems": {v.device: v.problems for v in d.views if v.problems},
        "cross_network_links": [asdict(c) for c in report.cross_links],
    }


@topology.command("discover", help=tr("Walk every device's LLDP and CDP tables and update the links."))
@click.option("--json", "as_json", is_flag=True, help=tr("Print the result as JSON."))
@operator_options
@pass_app
def discover_command(app: AppContext, as_json: bool, operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    AuditLog(app.database).record(actor=operator.label(), role=operator.role.value, action="topology.discover", subject="*")
    loop = SnmpLoop().start()
    try:
        report = TopologyService(app.database, app.credentials, SnmpClient(loop)).discover(progress=ProgressLine())
    finally:
        loop.stop()
    if as_json:
        emit_json(_report_json(report))
    else:
        s = report.summary
        for device, reason in sorted(report.discovery.failures.items()):
            click.echo(tr("{device}: not walked: {reason}", device=device, reason=reason), err=True)
        for view in report.discovery.views:
            for problem in view.problems:
                click.echo(tr("{device}: {problem}", device=view.device, problem=problem), err=True)
        for cross in report.cross_links:
            click.echo(tr("CRITICAL: {message}", message=cross.message()))
        click.echo(tr(
            "{walked} devices walked, {failed} not; links: {new} new, {confirmed} confirmed, {missing} missing; {candidates} candidates",
            walked=s.walked, failed=len(s.failed), new=s.links_new, confirmed=s.links_confirmed, missing=s.links_missing,
            candidates=s.candidates,
        ))
    if report.discovery.failures or report.cross_links:
        raise SystemExit(1)


@topology.command("show", help=tr("Show the links and each device's parent in the dependency tree."))
@click.option("--json", "as_json", is_flag=True, help=tr("Print as JSON."))
@pass_app
def show_command(app: AppContext, as_json: bool) -> None:
    service = TopologyService(app.database, app.credentials)
    links = service.link_views()
    tree = service.dependency_tree()
    if as_json:
        emit_json({
            "poller_location": tree.roots,
            "links": [asdict(link) for link in links],
            "tree": [{"device": name, "parent": tree.parents[name], "via": tree.how[name]} for name in sorted(tree.parents)],
        })
        return
    emit_table(
        [tr("device"), tr("interface"), tr("neighbour"), tr("interface"), tr("source"), tr("status"), tr("speed Mb/s"),
         tr("oper"), tr("utilisation %")],
        [[v.a_device, v.a_interface, v.b_device, v.b_interface, tr(v.source), tr(v.status), v.speed_mbps,
          f"{v.a_oper or '?'}/{v.b_oper or '?'}", v.utilisation_percent] for v in links],
    )
    click.echo("")
    click.echo(tr("poller location: {names}", names=", ".join(tree.roots)))
    emit_table([tr("device"), tr("parent"), tr("from")], [[n, tree.parents[n] or "", tr(tree.how[n])] for n in sorted(tree.parents)])


@topology.command("candidates", help=tr("Neighbours that match no inventory device, to be added."))
@click.option("--json", "as_json", is_flag=True, help=tr("Print as JSON."))
@click.option("--csv", "csv_file", type=click.Path(dir_okay=False, path_type=Path),
              help=tr("Also write them as inventory CSV rows to review and then import."))
@pass_app
def candidates_command(app: AppContext, as_json: bool, csv_file: Path | None) -> None:
    service = TopologyService(app.database, app.credentials)
    found = service.repo.candidates()
    if csv_file is not None:
        rows = inventory_rows(found, {d.name: d for d in service.inventory.devices()})
        write_csv(csv_file, rows)
        click.echo(tr("wrote {count} candidate devices to {file}", count=len(rows), file=csv_file), err=True)
    if as_json:
        emit_json([asdict(c) for c in found])
        return
    emit_table(
        [tr("system name"), tr("chassis ID"), tr("address"), tr("port"), tr("seen by"), tr("on"), tr("protocol")],
        [[c.sys_name, c.chassis_id, c.address, c.port, c.seen_by, c.local_interface, c.protocol] for c in found],
    )


@topology.command("export", help=tr("Write the topology to FILE: GraphML (.graphml) or DOT (.dot, .gv)."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def export_command(app: AppContext, file: Path) -> None:
    service = TopologyService(app.database, app.credentials)
    positions = {name: (p.x, p.y) for name, p in service.repo.positions().items()}
    graph = topology_graph(service.inventory.devices(), service.links(), positions, service.dependency_tree().parents)
    kind = export(graph, file)
    click.echo(tr("wrote {nodes} devices and {edges} links to {file} ({kind})",
                  nodes=graph.number_of_nodes(), edges=graph.number_of_edges(), file=file, kind=kind))


@topology.command("poller-location", help=tr("Show, or set, the device(s) the console polls from."))
@click.argument("names", nargs=-1)
@operator_options
@pass_app
def poller_location_command(app: AppContext, names: tuple[str, ...], operator_login: tuple[str | None, bool]) -> None:
    editor = TopologyEditor(app.database, app.credentials)
    if names:
        editor.set_poller_location(current_operator(app, operator_login), list(names))
    click.echo(", ".join(editor.service.dependency_tree().roots))


@topology.command("layout", help=tr("Lay the map out again (positions moved by an operator are kept)."))
@operator_options
@pass_app
def layout_command(app: AppContext, operator_login: tuple[str | None, bool]) -> None:
    placed = TopologyEditor(app.database, app.credentials).relayout(current_operator(app, operator_login))
    click.echo(tr("{count} devices placed", count=placed))


@topology.command("move", help=tr("Put DEVICE at X Y on its network's map and keep it there."))
@click.argument("device")
@click.argument("x", type=float)
@click.argument("y", type=float)
@operator_options
@pass_app
def move_command(app: AppContext, device: str, x: float, y: float, operator_login: tuple[str | None, bool]) -> None:
    TopologyEditor(app.database, app.credentials).move(current_operator(app, operator_login), device, x, y)


commands = [topology]
