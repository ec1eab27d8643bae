"""Entry-point discovery: manifests validated before import, code imported only when a procedure is
used, broken plugins reported (with their name) not raised."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.errors import ValidationError
from egovops.inventory.model import Device
from egovops.procedures import (
    GROUP,
    ManifestError,
    PluginLoadError,
    ProcedureRunner,
    RunRequest,
    RunServices,
    discover,
    parse_manifest,
)
from egovops.procedures.choices import procedure_choices

GOOD_MANIFEST = """\
id: {id}
version: 1.0.0
risk: read-only
name: {{en: Test, zh_CN: 测试}}
"""


@pytest.fixture
def plugin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    yield root
    for name in [m for m in sys.modules if m.startswith("thirdparty_")]:
        del sys.modules[name]


def make_plugin(root: Path, package: str, manifest: str | None, code: str) -> None:
    folder = root / package
    folder.mkdir()
    (folder / "__init__.py").write_text(textwrap.dedent(code), encoding="utf-8")
    if manifest is not None:
        (folder / "manifest.yaml").write_text(manifest, encoding="utf-8")


def ep(name: str, value: str) -> EntryPoint:
    return EntryPoint(name, value, GROUP)


def test_broken_plugins_are_reported_and_the_good_ones_listed(plugin_dir: Path) -> None:
    marker = plugin_dir / "imported"
    make_plugin(plugin_dir, "thirdparty_good", GOOD_MANIFEST.format(id="good"), "def run(ctx):\n    return None\n")
    # Its manifest is invalid, so its code must never run (it would leave a marker file).
    make_plugin(plugin_dir, "thirdparty_badmanifest", "id: Bad Id\nrisk: reckless\nname: {en: x}\nextra: 1\n",
                f"open({str(marker)!r}, 'w').write('ran')\ndef run(ctx):\n    return None\n")
    make_plugin(plugin_dir, "thirdparty_raises", GOOD_MANIFEST.format(id="raises"),
                "raise RuntimeError('import-time failure')\n")
    make_plugin(plugin_dir, "thirdparty_norun", GOOD_MANIFEST.format(id="norun"), "x = 1\n")
    make_plugin(plugin_dir, "thirdparty_nomanifest", None, "def run(ctx):\n    return None\n")
    make_plugin(plugin_dir, "thirdparty_mismatch", GOOD_MANIFEST.format(id="other"), "def run(ctx):\n    return None\n")
    make_plugin(plugin_dir, "thirdparty_dup", GOOD_MANIFEST.format(id="good"), "def run(ctx):\n    return None\n")
    registry = discover([
        ep("good", "thirdparty_good"), ep("badmanifest", "thirdparty_badmanifest"), ep("raises", "thirdparty_raises"),
        ep("norun", "thirdparty_norun"), ep("nomanifest", "thirdparty_nomanifest"),
        ep("mismatch", "thirdparty_mismatch"),
        ep("missing", "thirdparty_not_installed"), ep("good", "thirdparty_dup"),
    ])
    # Listed from their manifests; the two whose code is broken are not found out until imported.
    assert [p.manifest.id for p in registry.all()] == ["good", "norun", "raises"]
    problems = {(p.entry_point, p.source.split(" = ")[1].split()[0]): (p.stage, p.message) for p in registry.problems}
    assert problems[("badmanifest", "thirdparty_badmanifest")][0] == "manifest"
    message = problems[("badmanifest", "thirdparty_badmanifest")][1]
    for expected in ("id must be", "risk must be one of", "'en' and 'zh_CN'", "unknown key 'extra'"):
        assert expected in message
    assert not marker.exists()
    assert "has no manifest.yaml" in problems[("nomanifest", "thirdparty_nomanifest")][1]
    assert "declares a manifest with id other" in problems[("mismatch", "thirdparty_mismatch")][1]
    assert "not installed" in problems[("missing", "thirdparty_not_installed")][1]
    assert "already provided" in problems[("good", "thirdparty_dup")][1]
    assert len(problems) == 5


def test_listing_imports_no_plugin_code_and_running_does(plugin_dir: Path) -> None:
    make_plugin(plugin_dir, "thirdparty_lazy", GOOD_MANIFEST.format(id="lazy"), "def run(ctx):\n    return 'ran'\n")
    make_plugin(plugin_dir, "thirdparty_other", GOOD_MANIFEST.format(id="other"), "def run(ctx):\n    return None\n")
    registry = discover([ep("lazy", "thirdparty_lazy"), ep("other", "thirdparty_other")])
    choices = procedure_choices(registry, "zh_CN")  # what the console's runner lists
    assert [c.id for c in choices] == ["lazy", "other"] and choices[0].name == "测试"
    assert registry.listed("lazy").manifest.id == "lazy"
    assert not [m for m in sys.modules if m.startswith("thirdparty_")]
    assert registry.get("lazy").run(None) == "ran"
    assert registry.get("lazy") is registry.get("lazy")  # imported once
    assert "thirdparty_lazy" in sys.modules and "thirdparty_other" not in sys.modules


def test_a_run_imports_the_plugin_and_a_broken_one_fails_the_run_in_one_line(plugin_dir: Path, database, inventory,
                                                                             tmp_path: Path) -> None:
    make_plugin(plugin_dir, "thirdparty_runs", GOOD_MANIFEST.format(id="runs"),
                "from egovops.plugin_api import ok\ndef run(ctx):\n    return ok(f'ran on {ctx.device.name}')\n")
    make_plugin(plugin_dir, "thirdparty_broken", GOOD_MANIFEST.format(id="broken"), "1 / 0\n")
    inventory.save_devices([Device("LAZY-01", "127.0.0.41", "intranet", "安徽省/合肥市")])
    registry = discover([ep("runs", "thirdparty_runs"), ep("broken", "thirdparty_broken")])
    runner = ProcedureRunner(registry, RunServices(database, Operator("alice", Role.ENGINEER, "os"), tmp_path / "runs"))
    assert "thirdparty_runs" not in sys.modules
    report = runner.run(RunRequest("runs", "all"))
    assert [o.message for o in report.outcomes] == ["ran on LAZY-01"] and "thirdparty_runs" in sys.modules
    with pytest.raises(PluginLoadError, match=r"^plugin broken = thirdparty_broken could not be loaded: "
                                              r"ZeroDivisionError: division by zero$"):
        runner.run(RunRequest("broken", "all"))


def test_an_import_time_failure_is_a_problem_named_for_its_plugin(plugin_dir: Path) -> None:
    make_plugin(plugin_dir, "thirdparty_raises", GOOD_MANIFEST.format(id="raises"),
                "raise RuntimeError('import-time failure')\n")
    make_plugin(plugin_dir, "thirdparty_norun", GOOD_MANIFEST.format(id="norun"), "x = 1\n")
    make_plugin(plugin_dir, "thirdparty_good", GOOD_MANIFEST.format(id="good"), "def run(ctx):\n    return None\n")
    registry = discover([ep("raises", "thirdparty_raises"), ep("norun", "thirdparty_norun"),
                         ep("good", "thirdparty_good")])
    assert registry.problems == []
    with pytest.raises(PluginLoadError) as failed:
        registry.get("raises")
    assert str(failed.value) == "plugin raises = thirdparty_raises could not be loaded: RuntimeError: import-time failure"
    assert failed.value.__cause__ is None and failed.value.__suppress_context__  # no chained traceback to show
    with pytest.raises(PluginLoadError):  # the same answer again, without importing it again
        registry.get("raises")
    assert [(p.entry_point, p.stage, p.message) for p in registry.problems] == [
        ("raises", "import", "RuntimeError: import-time failure")]
    checked = {p.entry_point: (p.stage, p.message) for p in registry.check()}
    assert checked["raises"] == ("import", "RuntimeError: import-time failure")
    assert checked["norun"][0] == "interface" and "no callable run" in checked["norun"][1]
    assert set(checked) == {"raises", "norun"}  # recorded once each; the good one is fine
    assert registry.is_loaded("good")


def test_shipped_procedures_are_discovered_from_the_entry_points() -> None:
    registry = discover()
    shipped = {"config-backup", "clock-check", "baseline-check", "interface-errors", "save-config"}
    assert shipped <= {p.manifest.id for p in registry.all()}
    assert registry.get("save-config").manifest.risk.value == "changes-config"
    assert registry.listed("baseline-check").manifest.names["zh_CN"] == "等保2.0基线核查"


# In a fresh interpreter: the shipped plugins may already be imported in the test process.
LIST_PROBE = """
import sys
from egovops.cli.main import main
try:
    main(["plugins", "list", "--json"])
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.startswith("egovops_plugins.")), file=sys.stderr)
"""


def test_plugins_list_imports_no_shipped_plugin() -> None:
    done = subprocess.run([sys.executable, "-c", LIST_PROBE], capture_output=True, text=True, timeout=120)
    assert '"config-backup"' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_plugins_commands_report_a_broken_plugin_without_a_traceback(cli, plugin_dir: Path) -> None:
    marker = plugin_dir / "imported"
    make_plugin(plugin_dir, "thirdparty_cli", "id: cli\nrisk: maybe\n", "def run(ctx):\n    return None\n")
    make_plugin(plugin_dir, "thirdparty_boom", GOOD_MANIFEST.format(id="boom"),
                f"open({str(marker)!r}, 'w').write('ran')\nimport no_such_module_anywhere\n")
    dist = plugin_dir / "thirdparty_cli-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: thirdparty-cli\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[{GROUP}]\ncli = thirdparty_cli\nboom = thirdparty_boom\n")
    env = {"PYTHONPATH": os.pathsep.join([str(plugin_dir), *sys.path])}

    listed = cli("plugins", "list", env=env)
    assert listed.returncode == 0
    assert "config-backup" in listed.stdout and "boom" in listed.stdout
    assert "thirdparty-cli 1.0" in listed.stderr and "risk must be one of" in listed.stderr
    assert not marker.exists()  # listing did not run the plugin's code

    shown = cli("plugins", "show", "boom", env=env)
    assert shown.returncode == 1 and marker.exists()
    assert "boom" in shown.stdout  # the manifest is still shown
    assert shown.stderr.strip() == ("plugin boom = thirdparty_boom (thirdparty-cli 1.0) could not be loaded: "
                                    "ModuleNotFoundError: No module named 'no_such_module_anywhere'")

    ran = cli("run", "boom", "--targets", "all", "--dry-run", env=env)
    assert ran.returncode != 0
    assert ran.stderr.strip().endswith("could not be loaded: ModuleNotFoundError: No module named 'no_such_module_anywhere'")
    assert len(ran.stderr.strip().splitlines()) == 1

    checked = cli("plugins", "check", env=env)
    assert checked.returncode == 1
    assert "plugin boom = thirdparty_boom (thirdparty-cli 1.0) not loaded (import): ModuleNotFoundError" in checked.stderr
    assert "risk must be one of" in checked.stderr
    good = cli("plugins", "check")
    assert good.returncode == 0, good.stderr
    for done in (listed, shown, ran, checked):
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("change,expected", [
    ({"parameters": [{"name": "n", "type": "integer", "default": "x"}]}, "not a valid integer"),
    ({"parameters": [{"name": "c", "type": "choice"}]}, "needs choices"),
    ({"parameters": [{"name": "a", "type": "string"}, {"name": "a", "type": "string"}]}, "declared twice"),
    ({"targets": {"vendors": ["juniper"]}}, "'juniper' is not one of"),
    ({"targets": {"roles": ["king"]}}, "'king' is not one of"),
    ({"timeout": 0}, "timeout must be a number"),
    ({"api": 2}, "api 2 is not supported"),
])
def test_manifest_problems_are_named(change: dict, expected: str) -> None:
    data = {"id": "ok-id", "version": "1.0", "risk": "read-only", "name": {"en": "x", "zh_CN": "x"}, **change}
    with pytest.raises(ManifestError, match=expected):
        parse_manifest(data, "m.yaml")


def test_unknown_parameters_and_bad_values_are_refused_together() -> None:
    from egovops.procedures.parameters import parse_parameter, resolve_parameters

    specs = (parse_parameter({"name": "n", "type": "integer", "minimum": 1}),
             parse_parameter({"name": "flag", "type": "boolean"}))
    with pytest.raises(ValidationError) as bad:
        resolve_parameters(specs, {"n": "0", "flag": "perhaps", "zzz": "1"})
    for expected in ("below the minimum 1", "'perhaps' is not a valid boolean", "unknown parameter 'zzz'"):
        assert expected in str(bad.value)
    assert resolve_parameters(specs, {"flag": "yes"}) == {"n": None, "flag": True}
