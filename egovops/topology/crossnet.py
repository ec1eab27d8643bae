"""内外网串接: a cable between the intranet and any other network is a security breach.

The intranet (电子政务内网) must stay physically isolated from the extranet and from every
business network; a discovered link whose two ends sit in different networks is reported with
both devices and both ports. Declared links are checked too: a plan that joins two networks is
as wrong as a cable that does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from egovops.i18n import tr
from egovops.inventory.model import Link

ALARM_KIND = "cross_network_link"


@dataclass(frozen=True)
class CrossNetworkLink:
    a_device: str
    a_interface: str
    a_network: str
    b_device: str
    b_interface: str
    b_network: str

    @property
    def subject(self) -> str:
        """Names the cable, so each one is its own alarm."""
        return f"{self.a_device}:{self.a_interface}<->{self.b_device}:{self.b_interface}"[:200]

    @property
    def alarm_device(self) -> str:
        """The alarm hangs on the intranet end when there is one: that is the side being exposed."""
        return self.b_device if self.b_network == "intranet" and self.a_network != "intranet" else self.a_device

    def message(self) -> str:
        return tr(
            "cross-network link: {a} port {a_if} ({a_net}) is cabled to {b} port {b_if} ({b_net})",
            a=self.a_device, a_if=self.a_interface, a_net=self.a_network,
            b=self.b_device, b_if=self.b_interface, b_net=self.b_network,
        )


def cross_network_links(links: Iterable[Link], network_of: Mapping[str, str]) -> list[CrossNetworkLink]:
    """Links still present (not marked missing) whose ends are in different networks."""
    found = []
    for link in links:
        a_net, b_net = network_of.get(link.a_device), network_of.get(link.b_device)
        if a_net is None or b_net is None or a_net == b_net or link.missing_since is not None:
            continue
        found.append(CrossNetworkLink(link.a_device, link.a_interface, a_net, link.b_device, link.b_interface, b_net))
    return sorted(found, key=lambda c: c.subject)
