"""The proxies' own filters work on every supported PySide6 (run in .venv and in .venv-oldest).

On 6.9.3 the interfaces filter called ``endFilterChange()`` (6.10+) and raised AttributeError, and the
runner's "failures only" checked for ``beginFilterChange`` (6.9+) and then called the same missing
method; these tests failed there before both went through ``qt_compat.filter_change``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, QStringListModel, Qt

from egovops.device_detail.interfaces import InterfaceRow, Neighbour
from egovops.procedures import Status, TargetOutcome
from egovops_ui.device_view.interfaces_model import COLUMNS, InterfacesModel, InterfacesProxy
from egovops_ui.qt_compat import filter_change
from egovops_ui.runner.results_model import ResultsModel
from egovops_ui.runner.results_pane import FailuresFilter

UP, DOWN = 1, 2


def _port(index: int, name: str, oper: int = UP, errors: float = 0.0, alias: str = "",
          neighbour: Neighbour | None = None) -> InterfaceRow:
    # was_up: a port that carried traffic, so its being down is a fault (a never-used one is not)
    return InterfaceRow(index, name, alias, UP, oper, 1_000_000_000, 1e6, 2e6, errors, 0.0, neighbour, was_up=True)


def _names(proxy: QSortFilterProxyModel) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def _interfaces() -> tuple[InterfacesModel, InterfacesProxy]:
    model = InterfacesModel()
    model.set_rows([
        _port(1, "GE1/0/1", alias="uplink", neighbour=Neighbour("hf-core-01", "GE2/0/1", "lldp")),
        _port(2, "GE1/0/2", oper=DOWN),
        _port(3, "GE1/0/3", errors=4.5),
        _port(4, "GE1/0/4", neighbour=Neighbour("fd-acc-02", "GE0/0/24", "lldp", missing=True)),
        _port(5, "GE1/0/5"),
    ])
    proxy = InterfacesProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_faults_only_and_the_search_box_filter_the_interfaces_and_clearing_shows_all() -> None:
    _, proxy = _interfaces()
    proxy.set_filter("", faults_only=True)
    assert _names(proxy) == ["GE1/0/2", "GE1/0/3", "GE1/0/4"]
    proxy.set_filter("  UPLINK ", faults_only=False)  # alias, any case, spaces around ignored
    assert _names(proxy) == ["GE1/0/1 (uplink)"]
    proxy.set_filter("fd-acc", faults_only=False)  # the neighbour's name
    assert _names(proxy) == ["GE1/0/4"]
    proxy.set_filter("fd-acc", faults_only=True)  # both at once: a lost neighbour is a fault
    assert _names(proxy) == ["GE1/0/4"]
    proxy.set_filter("hf-core", faults_only=True)  # the uplink matches the text but is healthy
    assert _names(proxy) == []
    proxy.set_filter("", faults_only=False)
    assert proxy.rowCount() == 5


def test_the_filter_applies_to_a_sorted_table_and_keeps_its_order() -> None:
    _, proxy = _interfaces()
    proxy.sort(COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)  # ifIndex, last port first
    proxy.set_filter("", faults_only=True)
    assert _names(proxy) == ["GE1/0/4", "GE1/0/3", "GE1/0/2"]
    proxy.set_filter("", faults_only=False)
    assert _names(proxy)[0] == "GE1/0/5" and proxy.rowCount() == 5


def test_failures_only_hides_all_but_failures_and_unticking_brings_them_back() -> None:
    model = ResultsModel()
    model.start(["A", "B", "C"])
    model.finish(TargetOutcome("B", Status.FAILED, "timed out", {}, (), 0.0, 1.0, ""))
    model.finish(TargetOutcome("C", Status.OK, "stored", {}, (), 0.0, 1.0, ""))
    shown = FailuresFilter()
    shown.setSourceModel(model)
    shown.set_failures_only(True)
    assert _names(shown) == ["B"]
    model.finish(TargetOutcome("A", Status.FAILED, "refused", {}, (), 0.0, 1.0, ""))  # a later failure joins at once
    assert sorted(_names(shown)) == ["A", "B"]
    shown.set_failures_only(False)
    assert sorted(_names(shown)) == ["A", "B", "C"]


class _Prefix(QSortFilterProxyModel):
    """The smallest proxy with a filter of its own, as the console's proxies have."""

    prefix = ""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return str(self.sourceModel().index(source_row, 0).data()).startswith(self.prefix)


def test_filter_change_refilters_rows_and_announces_the_change() -> None:
    proxy = _Prefix()
    proxy.setSourceModel(QStringListModel(["hf-core", "hf-acc", "ah-core"]))
    removed: list[int] = []
    proxy.rowsRemoved.connect(lambda _parent, first, last: removed.append(last - first + 1))
    with filter_change(proxy):
        proxy.prefix = "hf-"
    assert _names(proxy) == ["hf-core", "hf-acc"] and sum(removed) == 1  # views hear of the hidden row
    with filter_change(proxy):
        proxy.prefix = ""
    assert proxy.rowCount() == 3
