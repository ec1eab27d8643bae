"""Report exports: Chinese text really drawn, PDF pages, CSV for Excel, JSON, and the CLI.

The store holds the hand-computed day of tests/fixtures/availability_store.py; the command line
runs in a real subprocess, and the PDF is checked with poppler (pdffonts, pdftotext, pdftoppm).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import matplotlib
import matplotlib.image
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from click.testing import CliRunner

from egovops.cli.main import cli as egovops_cli
from egovops.reports.fonts import cjk_family, rc
from egovops.storage.database import open_database
from tests.fixtures.availability_store import availability_store, populate  # noqa: F401
from tests.fixtures.store import store_env, Cli

pytestmark = pytest.mark.stores("sqlite", "postgresql")

DAY = ("--from", "2026-10-01", "--to", "2026-10-01", "--tz", "Asia/Shanghai")


@pytest.fixture
def run(availability_store, data_dir, database_url):  # noqa: F811
    """The same command line in this process (click's runner): a subprocess per call costs
    seconds of imports, and the exports above already run as real subprocesses."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(egovops_cli, list(args), input=input, env={"EGOVOPS_HOME": str(data_dir), "EGOVOPS_LANG": "en",
                                                                 **store_env(database_url)})

    return invoke


def _glyph(text: str, family: list[str]) -> np.ndarray:
    with matplotlib.rc_context({**rc(), "font.family": family}):
        fig = Figure(figsize=(1, 1), dpi=60)
        fig.text(0.1, 0.3, text, fontsize=30)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        return np.asarray(canvas.buffer_rgba())[..., 0].copy()


def test_chinese_characters_are_drawn_not_tofu():
    # Without a CJK font every character is the same empty box, so two different ones look alike.
    with pytest.warns(UserWarning, match="missing from font"):
        assert np.array_equal(_glyph("合", ["DejaVu Sans"]), _glyph("肥", ["DejaVu Sans"]))
    he, fei = _glyph("合", [cjk_family()]), _glyph("肥", [cjk_family()])
    assert not np.array_equal(he, fei)
    assert (he < 128).sum() > 20  # ink on the page


@pytest.fixture(scope="module")
def report_files(tmp_path_factory):
    """Every export written once from one store (read-only tests): the PDF and the CSV by the
    real command line in a subprocess with the Chinese locale, the rest in this process."""
    folder = tmp_path_factory.mktemp("report-store")
    db = open_database(folder / "egovops.sqlite3")
    populate(db)
    db.close()
    out = {}
    for ext in ("pdf", "csv"):
        out[ext] = folder / f"report.{ext}"
        done = Cli(folder)("report", "availability", *DAY, "--by", "county", "--out", str(out[ext]),
                           env={"EGOVOPS_LANG": "zh_CN"})
        assert done.returncode == 0, done.stderr
    out["stdout"] = done.stdout
    for ext in ("json", "png", "svg"):
        out[ext] = folder / f"report.{ext}"
        result = CliRunner().invoke(egovops_cli, ["report", "availability", *DAY, "--by", "county", "--out", str(out[ext])],
                                    env={"EGOVOPS_HOME": str(folder)})
        assert result.exit_code == 0, result.output
    return out


def test_pdf_embeds_a_cjk_font_and_its_pages_carry_the_figures(report_files, tmp_path):
    pdf = report_files["pdf"]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansCJK" in fonts or "NotoSerifCJK" in fonts
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("电子政务网络可用性报告", "2026-10-01", "Asia/Shanghai", "合肥市/肥东县", "各市接入覆盖率",
                     "更换电源模块", "93.776%", "生成人"):
        assert expected in text, expected
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(pages.split("Pages:")[1].split()[0]) >= 8
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "page")], check=True)
    (page,) = tmp_path.glob("page*.png")
    pixels = matplotlib.image.imread(page)[..., :3]
    red = (pixels[..., 0] > 0.6) & (pixels[..., 1] < 0.3) & (pixels[..., 2] < 0.3)
    assert red.mean() > 0.01  # 合肥市's bar, below the SLA line, is drawn red


def test_csv_has_a_bom_and_the_hand_computed_figures(report_files):
    raw = report_files["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, body = rows[0], {r[0]: r for r in rows[1:]}
    assert header[0] == "县（区）"
    county = body["合肥市/肥东县"]
    # 肥东县: FD-AS01 23/24, FD-D01 18/20, FD-D02 11.4/12, FD-D03 18/18 (hours up / counted)
    assert float(county[header.index("业务可用率（%）")]) == pytest.approx(100 * 70.4 / 74, abs=1e-4)
    assert float(county[header.index("设备可用率（%）")]) == pytest.approx(100 * 70.4 / 73, abs=1e-4)
    assert float(county[header.index("维护时长（秒）")]) == pytest.approx(4 * 3600)


def test_json_holds_every_row_and_the_trend(report_files):
    data = json.loads(report_files["json"].read_text("utf-8"))
    assert data["period"] == {"from": "2026-10-01", "to": "2026-10-01", "kind": "custom", "time_zone": "Asia/Shanghai",
                              "start_epoch": data["period"]["start_epoch"], "end_epoch": data["period"]["end_epoch"]}
    assert data["period"]["end_epoch"] - data["period"]["start_epoch"] == 86400
    rows = {r["key"]: r for r in data["rows"]}
    assert rows["合肥市 (own level)"]["service"]["outages"] == 3
    assert data["maintenance_windows"][0]["reason"] == "更换电源模块"
    assert data["trend"]["months"][-1] == "2026-10"
    assert "合肥市" in [c["city"] for c in data["coverage"]]


def test_png_and_svg_charts(report_files):
    assert report_files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = report_files["svg"].read_text("utf-8")
    # Text drawn as outlines: the SVG shows Chinese on machines without a CJK font too.
    assert "<path" in svg and "<text" not in svg
    assert "report.csv：2026-10-01，业务视角 93.776%（SLA 99.9% 未达标）" in report_files["stdout"]


def test_report_rejects_unknown_formats_and_backwards_periods(run, tmp_path):
    done = run("report", "availability", *DAY, "--out", str(tmp_path / "r.docx"))
    assert done.exit_code == 2 and ".pdf, .png, .svg, .csv, .json" in done.stderr
    done = run("report", "availability", "--from", "2026-10-05", "--to", "2026-10-01", "--out", str(tmp_path / "r.csv"))
    assert done.exit_code == 1 and "ends (2026-10-01) before it starts (2026-10-05)" in done.stderr
    done = run("report", "availability", "--from", "2026-13-01", "--to", "2026-10-01", "--out", str(tmp_path / "r.csv"))
    assert done.exit_code == 1 and "'2026-13-01' is not a date" in done.stderr
    assert not (tmp_path / "r.csv").exists()


def test_maintenance_commands_and_their_effect_on_the_report(run, tmp_path):
    added = run("maintenance", "add", "--device", "HF-AGG", "--start", "2026-10-01 09:00", "--end", "2026-10-01 12:00",
                "--reason", "升级城域网上联", "--tz", "Asia/Shanghai", "--json")
    assert added.exit_code == 0, added.stderr
    window_id = json.loads(added.stdout)["id"]
    listed = json.loads(run("maintenance", "list", "--json").stdout)
    assert [w["reason"] for w in listed] == ["更换电源模块", "升级城域网上联"]
    assert listed[1]["created_by"]  # the OS user until the accounts module provides operators
    out = tmp_path / "r.json"
    assert run("report", "availability", *DAY, "--by", "device", "--out", str(out)).exit_code == 0
    agg = {r["key"]: r for r in json.loads(out.read_text("utf-8"))["rows"]}["HF-AGG"]
    # 10:00–11:00 now falls in maintenance: 1.5 h down of 21 h counted, 2 outages
    assert agg["maintenance"] == pytest.approx(3 * 3600)
    assert agg["service"]["outage"] == pytest.approx(1.5 * 3600)
    assert agg["service"]["outages"] == 2
    assert run("maintenance", "remove", str(window_id)).exit_code == 0
    gone = run("maintenance", "remove", str(window_id))
    assert gone.exit_code == 1 and f"no maintenance window with id {window_id}" in gone.stderr


@pytest.mark.parametrize("args, message, code", [
    (("--device", "NO-SUCH", "--start", "2026-10-01 09:00", "--duration", "1h"), "no device named 'NO-SUCH'", 1),
    (("--site", "安徽省/火星市", "--start", "2026-10-01 09:00", "--duration", "1h"), "no site '安徽省/火星市'", 1),
    (("--device", "HF-AGG", "--start", "2026-10-01 09:00", "--duration", "soon"), "not a duration", 1),
    (("--device", "HF-AGG", "--start", "yesterday", "--duration", "1h"), "not a local time", 1),
    (("--device", "HF-AGG", "--network", "extranet", "--start", "2026-10-01 09:00", "--duration", "1h"), "exactly one", 2),
])
def test_maintenance_add_names_what_is_wrong(run, args, message, code):
    done = run("maintenance", "add", *args, "--reason", "test")
    assert done.exit_code == code
    assert message in done.stderr
    assert done.exception is None or isinstance(done.exception, SystemExit)


def test_sla_target_is_stored_and_used(run, tmp_path):
    assert run("report", "sla", "90").stdout.strip() == "SLA target: 90%"
    out = tmp_path / "r.json"
    assert run("report", "availability", *DAY, "--out", str(out)).exit_code == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["sla_target"] == 90.0 and data["total"]["service"]["sla_met"] is True
    assert run("report", "sla", "101").exit_code == 1


def test_maintenance_needs_an_engineer_and_is_audited(run, availability_store):  # noqa: F811
    from egovops.accounts import AccountService, Operator
    from egovops.accounts.roles import Role
    from egovops.audit.repo import AuditRepository

    accounts = AccountService(availability_store)
    accounts.add(Operator("root", Role.ADMIN, "os"), "boss", "admin", "Admin-pass-1")  # a shared store: the OS user
    admin = Operator("boss", Role.ADMIN, "local")  # makes the first account only
    accounts.add(admin, "wangfang", "operator", "operator-pass-1")
    accounts.add(admin, "lijun", "engineer", "engineer-pass-1")
    window = ("--device", "FD-AS01", "--start", "2026-10-02 22:00", "--duration", "2h", "--reason", "更换光模块")
    refused = run("maintenance", "add", *window, "--operator", "wangfang", "--password-stdin", input="operator-pass-1\n")
    assert refused.exit_code == 1 and "needs the engineer role" in refused.stderr
    added = run("maintenance", "add", *window, "--operator", "lijun", "--password-stdin", "--json", input="engineer-pass-1\n")
    assert added.exit_code == 0, added.stderr
    listed = json.loads(run("maintenance", "list", "--json").stdout)
    assert listed[-1]["created_by"] == "local:lijun"
    trail = [(r.actor, r.action, r.subject) for r in AuditRepository(availability_store).rows()]
    assert ("local:lijun", "maintenance.add", "device:FD-AS01") in trail
    assert not any(a == "maintenance.add" and actor == "local:wangfang" for actor, a, _ in trail)
    refused = run("report", "sla", "95", "--operator", "lijun", "--password-stdin", input="engineer-pass-1\n")
    assert refused.exit_code == 1 and "needs the supervisor role" in refused.stderr


def test_a_calendar_period_without_a_date_is_the_last_one_with_data(run, tmp_path):
    """The store's history is of 30 September – 2 October 2026: later months hold none (issue 15)."""
    from datetime import datetime

    from egovops.availability.periods import zone

    out = tmp_path / "r.json"
    done = run("report", "availability", "--period", "month", "--tz", "Asia/Shanghai", "--out", str(out))
    assert done.exit_code == 0
    period = json.loads(out.read_text("utf-8"))["period"]
    assert datetime.now(zone("Asia/Shanghai")).date() >= datetime(2026, 11, 1).date()  # this test's premise
    assert (period["kind"], period["from"]) == ("month", "2026-10-01") and "holds no monitoring data" in done.stderr
    assert run("report", "availability", "--period", "month", "--from", "2026-10-01", "--out", str(out)).exit_code == 2
