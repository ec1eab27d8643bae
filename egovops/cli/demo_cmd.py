"""``egovops demo``: a demo province, so a newcomer sees a living network at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from egovops.availability.periods import zone
from egovops.cli.context import AppContext, pass_app
from egovops.cli.errors_opt import operator_errors
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.i18n import tr

if TYPE_CHECKING:  # the demo's modules load when a demo command runs, not for every command
    from egovops.demo.speaker import Speaker
    from egovops.simulator.faults import Fault
    from egovops.simulator.snmp.topology import Province

TICK_S = 1.0


@click.group(help=tr("The demo province network (loopback addresses only)."))
def demo() -> None:
    pass


@demo.command("init", help=tr("Create the demo inventory: a province modelled on Anhui."))
@click.option("--devices", "count", type=click.IntRange(10, 50_000), default=300, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True, help=tr("Same seed, same province."))
@operator_options
@pass_app
def init_command(app: AppContext, count: int, seed: int, operator_login: tuple[str | None, bool]) -> None:
    from egovops.demo.inventory import create_demo

    started = time.perf_counter()
    demo_inventory = create_demo(app.database, current_operator(app, operator_login), count, seed)
    click.echo(
        tr(
            "demo province created: {devices} devices, {sites} sites, {links} links in {seconds:.1f} s",
            devices=len(demo_inventory.devices), sites=len(demo_inventory.sites),
            links=len(demo_inventory.links), seconds=time.perf_counter() - started,
        )
    )


def _speak_options(function: Callable[..., None]) -> Callable[..., None]:
    """Where the demo's devices send their traps and syslog: the demo's collector, e.g.
    ``egovops collector --trap-port 10162 --syslog-port 10514``."""
    from egovops.demo.speaker import DEFAULT_SYSLOG_PORT, DEFAULT_TRAP_PORT

    function = click.option("--quiet", is_flag=True, help=tr("Send no traps or syslog lines."))(function)
    function = click.option("--syslog-port", type=click.IntRange(1, 65535), default=DEFAULT_SYSLOG_PORT,
                            show_default=True, help=tr("The collector's syslog port."))(function)
    function = click.option("--trap-port", type=click.IntRange(1, 65535), default=DEFAULT_TRAP_PORT,
                            show_default=True, help=tr("The collector's trap port."))(function)
    return click.option("--to", "to_host", default="127.0.0.1", show_default=True,
                        help=tr("The collector's address (loopback only)."))(function)


def _speaker(app: AppContext, province: Province, to_host: str, trap_port: int, syslog_port: int) -> Speaker:
    from egovops.demo.credentials import demo_community
    from egovops.demo.speaker import Speaker
    from egovops.errors import EgovopsError

    try:
        community = demo_community(app.credentials).reveal()
    except EgovopsError as exc:  # no demo profile yet ('demo run' makes it): the lines go, the traps cannot
        click.echo(tr("note: no demo community ({reason}); the traps are sent with 'public'", reason=exc), err=True)
        community = "public"
    return Speaker(province, community, to_host, trap_port, syslog_port)


def _province(app: AppContext):  # type: ignore[no-untyped-def]
    from egovops.demo.runner import simulated
    from egovops.errors import ValidationError
    from egovops.simulator.snmp.topology import Province, SimDevice

    devices = simulated(app.inventory.devices())
    if not devices:
        raise ValidationError(tr("the inventory holds no demo devices; run 'egovops demo init' first"))
    return devices, Province.build([SimDevice.from_device(i, d) for i, d in enumerate(devices)], app.inventory.links())


def _detach(app: AppContext, chaos: float | None, speak: list[str]) -> None:
    """Run the runner in its own session, return once its agents answer (or it failed)."""
    from egovops.demo.runner import READY_TIMEOUT_S, DemoRunError, demo_dir, read_state

    log_path = demo_dir(app.data_dir) / "runner.log"
    args = [sys.executable, "-m", "egovops", "--data-dir", str(app.data_dir), "demo", "run"]
    args += ["--chaos", str(chaos), *speak] if chaos else []
    with open(log_path, "w") as log_file:
        runner = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + READY_TIMEOUT_S + 10
    while read_state(app.data_dir) is None or read_state(app.data_dir).get("runner") != runner.pid:  # type: ignore[union-attr]
        if runner.poll() is not None or time.monotonic() > deadline:
            raise DemoRunError(tr("the demo did not start: {log}", log=log_path.read_text("utf-8", "replace").strip()[-800:]))
        time.sleep(0.2)
    click.echo(log_path.read_text("utf-8", "replace").strip())


def _start_ssh(app: AppContext, province):  # type: ignore[no-untyped-def]
    from egovops.demo.credentials import SSH_USER
    from egovops.simulator.faults import FaultWatch
    from egovops.demo.inventory import SSH_PROFILE
    from egovops.demo.runner import demo_dir
    from egovops.demo.ssh_endpoints import SshEndpoints, SshLogin

    resolved = app.credentials.resolve(SSH_PROFILE)
    password = resolved.secret("password")
    if password is None:
        click.echo(tr("profile {name} has no password; the demo devices get no SSH", name=SSH_PROFILE), err=True)
        return None
    login = SshLogin(resolved.profile.settings.get("user", SSH_USER), password, resolved.secret("enable_password"))
    watch = FaultWatch(demo_dir(app.data_dir))
    ssh = SshEndpoints(demo_dir(app.data_dir), province, login, watch.is_down)
    count = ssh.start()
    click.echo(tr("SSH: {count} devices answer with their vendor CLI (profile {name})", count=count, name=SSH_PROFILE))
    return ssh


@demo.command("run", help=tr("Start simulated agents for every demo device; Ctrl-C or 'demo stop' ends them."))
@click.option("--chaos", type=click.FloatRange(min=0, min_open=True), help=tr("Inject and clear random faults, RATE events per minute."))
@click.option("--detach", is_flag=True, help=tr("Run in the background and return once every agent answers."))
@_speak_options
@pass_app
def run_command(app: AppContext, chaos: float | None, detach: bool, to_host: str, trap_port: int, syslog_port: int,
                quiet: bool) -> None:
    from egovops.demo.chaos import Chaos
    from egovops.demo.credentials import demo_community, ensure_demo_credentials
    from egovops.demo.runner import DemoRunError, Runner, demo_dir

    from egovops.demo.runner import read_state

    if read_state(app.data_dir) is not None:
        raise DemoRunError(tr("the demo is already running; 'egovops demo stop' first"))
    devices, province = _province(app)
    for name in ensure_demo_credentials(app.credentials):
        click.echo(tr("credential profile {name} created; its secrets are in the keyring", name=name))
    speak = ["--quiet"] if quiet else ["--to", to_host, "--trap-port", str(trap_port),
                                       "--syslog-port", str(syslog_port)]
    if detach:
        _detach(app, chaos, speak)
        return
    runner = Runner(app.data_dir, devices, demo_community(app.credentials))
    stopping: list[int] = []
    signal.signal(signal.SIGTERM, lambda signum, _frame: stopping.append(signum))
    speaker = None if quiet or not chaos else _speaker(app, province, to_host, trap_port, syslog_port)
    chaos_loop = Chaos(demo_dir(app.data_dir), province, chaos, speaker=speaker) if chaos else None
    ssh = None
    try:
        ssh = _start_ssh(app, province)  # before the agents: run.json (ready) is written once both are up
        seconds = runner.start(app.inventory.links())
        click.echo(tr("demo running: {devices} devices answering SNMP on loopback, started in {seconds:.1f} s (pid {pid})",
                      devices=len(devices), seconds=seconds, pid=os.getpid()))
        while not stopping:
            time.sleep(TICK_S)
            if runner.dead_agents():
                # Ctrl-C reaches the agents and this process together; on a loaded machine an agent
                # can end before our own KeyboardInterrupt (or 'demo stop''s SIGTERM) is raised here.
                # Give our signal a moment to land before calling their ending a crash.
                time.sleep(1.0)
                if stopping:
                    break
                raise DemoRunError(tr("a simulator process ended unexpectedly (pids {pids}); see {folder}",
                                      pids=runner.dead_agents(), folder=demo_dir(app.data_dir) / "logs"))
            if chaos_loop is not None:
                fault = chaos_loop.tick(TICK_S)
                if fault is not None:
                    click.echo(tr("chaos: fault {id} {what}", id=fault.id, what=fault.describe()))
    except KeyboardInterrupt:
        pass
    finally:
        if chaos_loop is not None:
            chaos_loop.clear_all()
        if ssh is not None:
            ssh.stop()
        runner.stop()
        click.echo(tr("demo stopped; every simulated agent has ended"))


@demo.command("stop", help=tr("Stop the running demo and every agent it started."))
@pass_app
def stop_command(app: AppContext) -> None:
    from egovops.demo.runner import stop_demo

    if stop_demo(app.data_dir):
        click.echo(tr("demo stopped; every simulated agent has ended"))
    else:
        click.echo(tr("the demo is not running"))


@demo.command("status", help=tr("Whether the demo runs, and its active faults."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def status_command(app: AppContext, as_json: bool) -> None:
    from egovops.simulator.faults import read_faults
    from egovops.demo.runner import demo_dir, read_state

    state = read_state(app.data_dir)
    faults = read_faults(demo_dir(app.data_dir))
    if as_json:
        emit_json({"running": state is not None, **(state or {}), "faults": [f.describe() for f in faults.faults]})
        return
    if state is None:
        click.echo(tr("the demo is not running"))
    else:
        click.echo(tr("demo running: {devices} devices, runner pid {pid}", devices=state["devices"], pid=state["runner"]))
    click.echo(tr("active faults: {count}", count=len(faults.faults)))


@demo.group("fault", help=tr("Inject faults into the running demo; the console must notice them by itself. "
                             "The devices also send the matching traps and syslog lines to the collector."))
@_speak_options
@click.pass_context
def fault(ctx: click.Context, to_host: str, trap_port: int, syslog_port: int, quiet: bool) -> None:
    from egovops.demo.speaker import check_loopback

    check_loopback(to_host)  # before a fault is recorded, not after
    ctx.meta["demo.speak"] = None if quiet else (to_host, trap_port, syslog_port)


def _speak(app: AppContext, province: Province, faults: list[Fault], cleared: bool) -> None:
    where = click.get_current_context().meta.get("demo.speak")
    if where is None or not faults:
        return
    speaker = _speaker(app, province, *where)
    messages = [m for f in faults for m in speaker.fault_messages(f, cleared)]
    sent = speaker.send(messages)
    click.echo(tr("the devices sent {traps} trap(s) and {lines} syslog line(s) to {host} "
                  "(ports {trap_port}/{syslog_port})",
                  traps=sum(1 for m in messages if m.trap), lines=sum(1 for m in messages if not m.trap),
                  host=speaker.host, trap_port=speaker.trap_port, syslog_port=speaker.syslog_port)
               if sent == len(messages) else
               tr("{failed} of {count} trap(s) and syslog line(s) could not be sent", failed=len(messages) - sent,
                  count=len(messages)))


def _inject(app: AppContext, kind: str, *targets: str) -> None:
    from egovops.demo.fault_rules import validate
    from egovops.simulator.faults import add_fault
    from egovops.demo.runner import demo_dir, read_state

    _devices, province = _province(app)
    validate(province, kind, targets)
    added = add_fault(demo_dir(app.data_dir), kind, targets)
    click.echo(tr("fault {id} injected: {what}", id=added.id, what=added.describe()))
    if read_state(app.data_dir) is None:
        click.echo(tr("note: the demo is not running; the fault applies when it starts"), err=True)
    _speak(app, province, [added], cleared=False)


@fault.command("device-down", help=tr("The device stops answering; its neighbours lose their links to it."))
@click.argument("name")
@pass_app
def device_down(app: AppContext, name: str) -> None:
    _inject(app, "device-down", name)


@fault.command("link-down", help=tr("The cable between two devices fails: both ports go down, LLDP loses them."))
@click.argument("a")
@click.argument("b")
@pass_app
def link_down(app: AppContext, a: str, b: str) -> None:
    _inject(app, "link-down", a, b)


@fault.command("cpu-high", help=tr("The device's CPU load stays above 90 %."))
@click.argument("name")
@pass_app
def cpu_high(app: AppContext, name: str) -> None:
    _inject(app, "cpu-high", name)


@fault.command("interface-errors", help=tr("Input errors climb on one port of the device."))
@click.argument("name")
@click.argument("port")
@pass_app
def interface_errors(app: AppContext, name: str, port: str) -> None:
    _inject(app, "interface-errors", name, port)


@fault.command("cross-connect", help=tr("An intranet device appears as LLDP neighbour of an extranet device."))
@click.argument("a")
@click.argument("b")
@pass_app
def cross_connect(app: AppContext, a: str, b: str) -> None:
    _inject(app, "cross-connect", a, b)


@fault.command("clear", help=tr("Clear one fault by its id, or all faults."))
@click.argument("fault_id", type=int, required=False)
@pass_app
def clear(app: AppContext, fault_id: int | None) -> None:
    from egovops.simulator.faults import clear_faults
    from egovops.demo.runner import demo_dir

    cleared = clear_faults(demo_dir(app.data_dir), fault_id)
    click.echo(tr("{count} fault(s) cleared", count=len(cleared)))
    if cleared:
        _speak(app, _province(app)[1], cleared, cleared=True)


@fault.command("list", help=tr("List the active faults."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_faults(app: AppContext, as_json: bool) -> None:
    from egovops.simulator.faults import read_faults
    from egovops.demo.runner import demo_dir

    active = read_faults(demo_dir(app.data_dir)).faults
    if as_json:
        emit_json([{"id": f.id, "kind": f.kind, "targets": list(f.targets), "since": f.since} for f in active])
        return
    rows = [(f.id, f.kind, " ".join(f.targets), time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(f.since))) for f in active]
    emit_table([tr("id"), tr("fault"), tr("targets"), tr("since")], rows)


@demo.command("history", help=tr(
    "Write months of deterministic past (outages, alarms, baseline checks, backups) for the "
    "evaluation pack; some units well run, some poorly."))
@click.option("--month", "last", help=tr("The last month to fill, e.g. 2026-11 (default: last month)."))
@click.option("--months", type=click.IntRange(1, 24), default=6, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--tz", "tz_name", help=tr("Time zone of the months (default: the system's)."))
@operator_options
@pass_app
@operator_errors
def history_command(app: AppContext, last: str | None, months: int, seed: int, tz_name: str | None,
                    operator_login: tuple[str | None, bool]) -> None:
    from egovops.demo.history import create_history
    from egovops.evaluation.cli_support import parse_month, previous_month

    tz = zone(tz_name)
    month = parse_month(last) if last else previous_month(tz)
    by = current_operator(app, operator_login)
    done = create_history(app.database, by, app.data_dir / "runs", month, months, tz, seed)
    click.echo(tr(
        "demo history: {months} months, {transitions} transitions, {alarms} alarms, {baseline} baseline runs, "
        "{backup} backup runs", months=done.months, transitions=done.transitions, alarms=done.alarms,
        baseline=done.baseline_runs, backup=done.backup_runs))


@demo.command("storm", help=tr("Replay a burst of syslog lines from one demo device (a flapping port)."))
@click.argument("name")
@click.option("--rate", type=click.FloatRange(min=1, max=100_000), default=1000, show_default=True,
              help=tr("Lines per second."))
@click.option("--seconds", type=click.FloatRange(min=0.1, max=600), default=5, show_default=True)
@_speak_options
@pass_app
def storm_command(app: AppContext, name: str, rate: float, seconds: float, to_host: str, trap_port: int,
                  syslog_port: int, quiet: bool) -> None:
    from egovops.errors import NotFoundError

    _devices, province = _province(app)
    if name not in province.devices:
        raise NotFoundError(tr("no simulated demo device named {name!r}", name=name))
    speaker = _speaker(app, province, to_host, trap_port, syslog_port)
    if quiet:  # what would be sent, without sending it
        click.echo(tr("{name} would send {count} syslog lines to {host}:{port}", name=name, count=int(rate * seconds),
                      host=speaker.host, port=speaker.syslog_port))
        return
    started = time.perf_counter()
    sent = speaker.storm(name, rate, seconds)
    click.echo(tr("{name} sent {count} syslog lines in {seconds:.1f} s to {host}:{port}", name=name, count=sent,
                  seconds=time.perf_counter() - started, host=speaker.host, port=speaker.syslog_port))


commands = [demo]
