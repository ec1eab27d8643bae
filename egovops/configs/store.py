"""Versioned device configurations: save (masked) a new version when it changed, list, show, diff."""

from __future__ import annotations

import difflib
import time
from dataclasses import dataclass

from egovops.audit.chain import digest_text
from egovops.configs.masking import prepare_for_store
from egovops.errors import NotFoundError
from egovops.i18n import tr
from egovops.storage.database import Database
from egovops.storage.procedures_repo import ConfigVersion, ConfigVersionsRepository


@dataclass(frozen=True)
class SavedConfig:
    version: int
    changed: bool  # False: identical to the latest stored version, nothing new stored
    previous_version: int | None
    diff: str  # unified diff against the previous version, masked; "" for a first or unchanged version
    text: str  # masked text as stored


def unified_diff(old: ConfigVersion | None, new: ConfigVersion) -> str:
    old_lines = old.text.splitlines(keepends=True) if old else []
    label_old = f"{old.device} v{old.version}" if old else "/dev/null"
    lines = difflib.unified_diff(old_lines, new.text.splitlines(keepends=True), label_old, f"{new.device} v{new.version}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


class ConfigStore:
    def __init__(self, database: Database) -> None:
        self.repo = ConfigVersionsRepository(database)

    def save(self, device: str, raw_text: str, *, run_id: str, command: str) -> SavedConfig:
        """Mask and store ``raw_text``; the raw text itself is never kept."""
        text = prepare_for_store(raw_text)
        current, previous, stored = self.repo.add_if_changed(device, text, digest_text(text), time.time(), run_id, command)
        diff = unified_diff(previous, current) if stored and previous is not None else ""
        return SavedConfig(current.version, stored, previous.version if previous else None, diff, current.text)

    def versions(self, device: str) -> list[ConfigVersion]:
        return self.repo.versions(device)

    def devices(self) -> list[tuple[str, int, float]]:
        return self.repo.devices()

    def show(self, device: str, version: int | None = None) -> ConfigVersion:
        found = self.repo.get(device, version)
        if found is None:
            what = tr("version {v} of", v=version) if version else tr("any configuration of")
            raise NotFoundError(tr("the store holds no {what} {device}", what=what, device=device))
        return found

    def diff(self, device: str, old: int | None = None, new: int | None = None) -> str:
        """Diff of two versions; by default the latest against the one before it."""
        newer = self.show(device, new)
        older_number = old if old is not None else newer.version - 1
        older = self.repo.get(device, older_number) if older_number >= 1 else None
        if old is not None and older is None:
            raise NotFoundError(tr("the store holds no version {v} of {device}", v=old, device=device))
        return unified_diff(older, newer)
