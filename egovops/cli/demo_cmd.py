"""``egovops demo``: a demo province, so a newcomer sees a living network at once."""

from __future__ import annotations

import time

import click

from egovops.cli.context import AppContext, pass_app
from egovops.i18n import tr


@click.group(help=tr("The demo province network (loopback addresses only)."))
def demo() -> None:
    pass


@demo.command("init", help=tr("Create the demo inventory: a province modelled on Anhui."))
@click.option("--devices", "count", type=click.IntRange(10, 50_000), default=300, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True, help=tr("Same seed, same province."))
@pass_app
def init_command(app: AppContext, count: int, seed: int) -> None:
    from egovops.demo.inventory import build_demo, store_demo

    started = time.perf_counter()
    demo_inventory = build_demo(count, seed)
    store_demo(app.inventory, demo_inventory)
    click.echo(
        tr(
            "demo province created: {devices} devices, {sites} sites, {links} links in {seconds:.1f} s",
            devices=len(demo_inventory.devices), sites=len(demo_inventory.sites),
            links=len(demo_inventory.links), seconds=time.perf_counter() - started,
        )
    )


commands = [demo]
