"""A handover summary as Markdown, plain text or CSV, in the operator's language.

All three list the same things. Markdown and text show alarm kinds and messages in the
operator's language (as the alarm desk does); CSV keeps the stored codes for filtering. What they show
comes from the alarms, the audit trail (already scrubbed of secrets) and the engineers' notes:
never a credential.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from egovops.csv_cells import SafeWriter
from egovops.duty.shifts import when
from egovops.duty.summary import HandoverSummary
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.overview.alarm_text import kind_label, localized_message

FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".csv": "csv"}


@dataclass(frozen=True)
class Section:
    key: str  # stable, untranslated: the CSV's first column
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def severity_name(severity: str) -> str:
    names = {"critical": tr("critical"), "major": tr("major"), "minor": tr("minor"), "warning": tr("warning"), "info": tr("info")}
    return names.get(severity, severity)


def role_name(role: str) -> str:
    names = {"operator": tr("operator"), "engineer": tr("engineer"), "supervisor": tr("supervisor"), "admin": tr("admin")}
    return names.get(role, role)


def outcome_name(outcome: str) -> str:
    names = {"ok": tr("all succeeded"), "partial": tr("partly failed"), "failed": tr("all failed"), "cancelled": tr("cancelled"),
             "unfinished": tr("not finished at handover"), "refused": tr("refused")}
    return names.get(outcome, outcome)


def _subject(device: str, subject: str) -> str:
    return f"{device} {subject}".strip()


def heading(summary: HandoverSummary) -> list[tuple[str, str]]:
    shift = summary.shift
    end = when(shift.ended_at) if shift.ended_at is not None else tr("open (summary up to {now})", now=when(summary.until))
    lines = [(tr("Shift"), str(shift.id)), (tr("On duty"), f"{shift.operator} ({role_name(shift.role)})"),
             (tr("Started"), when(shift.started_at)), (tr("Ended"), end)]
    if shift.ended_by and shift.ended_by != shift.operator:
        lines.append((tr("Ended by"), shift.ended_by))
    return lines


def sections(summary: HandoverSummary) -> list[Section]:
    s = summary
    mark = tr(" (folded under its root cause)")
    return [
        Section("open-critical", tr("Critical alarms still open at handover"), (tr("since"), tr("device"), tr("kind"), tr("message")),
                tuple((when(a.at), _subject(a.device, a.subject), kind_label(a.kind), localized_message(a.kind, a.message))
                      for a in s.open_critical)),
        Section("note", tr("Notes"), (tr("time"), tr("author"), tr("note")),
                tuple((when(n.at), n.author, n.text) for n in s.notes)),
        Section("raised", tr("Alarms raised"), (tr("time"), tr("severity"), tr("device"), tr("kind"), tr("message")),
                tuple((when(a.at), severity_name(a.severity), _subject(a.device, a.subject), kind_label(a.kind),
                       localized_message(a.kind, a.message) + (mark if a.suppressed else "")) for a in s.raised)),
        Section("acknowledged", tr("Alarms acknowledged"), (tr("time"), tr("device"), tr("kind"), tr("by"), tr("comment")),
                tuple((when(a.at), _subject(a.device, a.subject), kind_label(a.kind), a.by, a.comment) for a in s.acknowledged)),
        Section("cleared", tr("Alarms cleared"), (tr("time"), tr("severity"), tr("device"), tr("kind")),
                tuple((when(a.at), severity_name(a.severity), _subject(a.device, a.subject), kind_label(a.kind)) for a in s.cleared)),
        Section("procedure", tr("Procedures run"),
                (tr("time"), tr("by"), tr("procedure"), tr("outcome"), tr("devices"), tr("failed on"), tr("audit record")),
                tuple((when(p.at), p.actor, p.procedure + (tr(" (dry run)") if p.dry_run else ""), outcome_name(p.outcome),
                       _counts(p.devices, p.counts), ", ".join(p.failed_devices) or p.reason, str(p.audit_id)) for p in s.procedures)),
        Section("action", tr("Other actions"), (tr("time"), tr("by"), tr("action"), tr("subject"), tr("audit record")),
                tuple((when(a.at), a.actor, a.action, a.subject, str(a.audit_id)) for a in s.actions)),
    ]


def _counts(devices: int, counts: dict[str, int]) -> str:
    if not counts:
        return str(devices)
    return tr("{n} ({ok} ok, {failed} failed, {skipped} skipped)", n=devices, ok=counts.get("ok", 0),
              failed=counts.get("failed", 0), skipped=counts.get("skipped", 0))


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


def to_markdown(summary: HandoverSummary) -> str:
    out = [f"# {tr('Duty handover summary')}", ""]
    out += [f"- **{_cell(k)}**: {_cell(v)}" for k, v in heading(summary)]
    for section in sections(summary):
        out += ["", f"## {section.title} ({len(section.rows)})", ""]
        if not section.rows:
            out.append(tr("None."))
            continue
        out.append("| " + " | ".join(section.headers) + " |")
        out.append("|" + "---|" * len(section.headers))
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in section.rows]
    return "\n".join(out) + "\n"


def to_text(summary: HandoverSummary) -> str:
    out = [tr("Duty handover summary"), ""]
    out += [f"{k}: {v}" for k, v in heading(summary)]
    for section in sections(summary):
        out += ["", f"{section.title} ({len(section.rows)})"]
        out += [f"  - {' | '.join(c.replace(chr(10), ' / ') for c in row if c)}" for row in section.rows] or [f"  {tr('None.')}"]
    return "\n".join(out) + "\n"


def csv_rows(summary: HandoverSummary) -> list[list[object]]:
    """One row per event, fixed columns, codes untranslated so that a spreadsheet can filter them."""
    s, rows = summary, []
    for key, lines in (("open-critical", s.open_critical), ("raised", s.raised), ("acknowledged", s.acknowledged), ("cleared", s.cleared)):
        rows += [[key, when(a.at), _subject(a.device, a.subject), a.kind, a.severity, a.by, a.comment or a.message, ""] for a in lines]
    rows += [["note", when(n.at), "", "", "", n.author, n.text, ""] for n in s.notes]
    rows += [["procedure", when(p.at), p.procedure, "dry-run" if p.dry_run else "run", p.outcome, p.actor,
              "; ".join(x for x in (_counts(p.devices, p.counts), ", ".join(p.failed_devices), p.reason) if x), p.audit_id]
             for p in s.procedures]
    rows += [["action", when(a.at), a.subject, a.action, "", a.actor, "", a.audit_id] for a in s.actions]
    return rows


def to_csv(summary: HandoverSummary) -> str:
    buffer = io.StringIO()
    writer = SafeWriter(buffer, lineterminator="\r\n")  # notes and alarm texts: never formulas
    writer.writerow([tr("section"), tr("time"), tr("device or procedure"), tr("kind or action"), tr("severity or outcome"),
                     tr("by"), tr("detail"), tr("audit record")])
    writer.writerows(csv_rows(summary))
    return buffer.getvalue()


def write_summary(summary: HandoverSummary, path: Path) -> str:
    """Write ``summary`` in the format its file name asks for; returns that format's name."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValidationError(tr("cannot export a handover summary as {suffix!r}: use one of {formats}",
                                 suffix=path.suffix or path.name, formats=", ".join(FORMATS)))
    if kind == "csv":
        path.write_text(to_csv(summary), encoding="utf-8-sig")  # Excel on Windows opens UTF-8 only with the BOM
    else:
        path.write_text(to_markdown(summary) if kind == "markdown" else to_text(summary), encoding="utf-8")
    return kind
