<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DutyLogPage</name>
    <message>
        <location filename="../duty_log/page.py" line="127" />
        <source>Waiting to learn who is operating…</source>
        <translation>Waiting to learn who is operating…</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="132" />
        <source>Nobody is on duty. Start your shift to take notes.</source>
        <translation>Nobody is on duty. Start your shift to take notes.</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="134" />
        <source>On duty: %1 (%2) since %3 — shift %4</source>
        <translation>On duty: %1 (%2) since %3 — shift %4</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="138" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="150" />
        <source>No shift has been started yet: there is nothing to hand over.</source>
        <translation>No shift has been started yet: there is nothing to hand over.</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="181" />
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="181" />
        <source>Plain text (*.txt)</source>
        <translation>Plain text (*.txt)</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="181" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="183" />
        <source>Export handover summary</source>
        <translation>Export handover summary</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="195" />
        <source>Handover summary exported to %1</source>
        <translation>Handover summary exported to %1</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="202" />
        <source>Start my shift</source>
        <translation>Start my shift</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="203" />
        <source>Take over the shift</source>
        <translation>Take over the shift</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="204" />
        <source>End the shift</source>
        <translation>End the shift</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="206" />
        <source>Handover summary</source>
        <translation>Handover summary</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="207" />
        <source>Shift:</source>
        <translation>Shift:</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="208" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="209" />
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
</context>
<context>
    <name>DutyLogScreen</name>
    <message>
        <location filename="../duty_log/screen.py" line="63" />
        <source>Handover: the summary of shift %1 by %2 is in the Duty log tab</source>
        <translation>Handover: the summary of shift %1 by %2 is in the Duty log tab</translation>
    </message>
    <message>
        <location filename="../duty_log/screen.py" line="78" />
        <source>Duty log</source>
        <translation>Duty log</translation>
    </message>
    <message>
        <location filename="../duty_log/screen.py" line="81" />
        <source>Duty log…</source>
        <translation>Duty log…</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../duty_log/notes_panel.py" line="48" />
        <source>Notes of the open shift</source>
        <translation>Notes of the open shift</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="49" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="49" />
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="49" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="50" />
        <source>What the next engineer should know…</source>
        <translation>What the next engineer should know…</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="51" />
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
</context>
</TS>