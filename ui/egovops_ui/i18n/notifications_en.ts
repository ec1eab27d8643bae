<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeliveryLogPage</name>
    <message>
        <location filename="../notifications/page.py" line="129" />
        <source>Queued again: the notifier sends it at its next pass.</source>
        <translation>Queued again: the notifier sends it at its next pass.</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="144" />
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="151" />
        <source>Test message sent.</source>
        <translation>Test message sent.</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="160" />
        <source>alarm</source>
        <translation>alarm</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="160" />
        <source>escalation</source>
        <translation>escalation</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="160" />
        <source>recovery</source>
        <translation>recovery</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="161" />
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="161" />
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="161" />
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="162" />
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="162" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="162" />
        <source>committing</source>
        <translation>committing</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="164" />
        <source>uncertain</source>
        <translation>uncertain</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="167" />
        <source>Alarm id:</source>
        <translation>Alarm id:</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="168" />
        <source>all alarms</source>
        <translation>all alarms</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="169" />
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="170" />
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="171" />
        <source>Queue an uncertain or failed message again, with the same key</source>
        <translation>Queue an uncertain or failed message again, with the same key</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="175" />
        <source>Send a test message over</source>
        <translation>Send a test message over</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="176" />
        <source>to address (mail, phone…)</source>
        <translation>to address (mail, phone…)</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="177" />
        <source>Send test message</source>
        <translation>Send test message</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../notifications/editors.py" line="173" />
        <location filename="../notifications/editors.py" line="213" />
        <location filename="../notifications/editors.py" line="219" />
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="177" />
        <source>Recipient saved.</source>
        <translation>Recipient saved.</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="183" />
        <source>Rule saved.</source>
        <translation>Rule saved.</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="188" />
        <source>Rota entry added.</source>
        <translation>Rota entry added.</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="196" />
        <source>Rota entry ended.</source>
        <translation>Rota entry ended.</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="203" />
        <source>Removed.</source>
        <translation>Removed.</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="207" />
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="207" />
        <source>group</source>
        <translation>group</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="210" />
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="210" />
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="210" />
        <source>On-call rota</source>
        <translation>On-call rota</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="213" />
        <location filename="../notifications/editors.py" line="215" />
        <location filename="../notifications/editors.py" line="219" />
        <location filename="../notifications/editors.py" line="221" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="213" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="214" />
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="214" />
        <location filename="../notifications/editors.py" line="219" />
        <source>Desk name</source>
        <translation>Desk name</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="214" />
        <location filename="../notifications/editors.py" line="220" />
        <source>Quiet hours</source>
        <translation>Quiet hours</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="215" />
        <location filename="../notifications/editors.py" line="221" />
        <source>Levels</source>
        <translation>Levels</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="215" />
        <location filename="../notifications/editors.py" line="221" />
        <source>Severities</source>
        <translation>Severities</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="216" />
        <location filename="../notifications/editors.py" line="217" />
        <location filename="../notifications/editors.py" line="221" />
        <location filename="../notifications/editors.py" line="223" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="216" />
        <location filename="../notifications/editors.py" line="222" />
        <source>Escalate after (min)</source>
        <translation>Escalate after (min)</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="217" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="217" />
        <location filename="../notifications/editors.py" line="223" />
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="217" />
        <location filename="../notifications/editors.py" line="223" />
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="218" />
        <location filename="../notifications/editors.py" line="223" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="218" />
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="219" />
        <source>Group of</source>
        <translation>Group of</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="220" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="230" />
        <source>mail=zhang@example.gov.cn; sms=13800000000</source>
        <translation>mail=zhang@example.gov.cn; sms=13800000000</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="231" />
        <source>names, comma-separated (a group)</source>
        <translation>names, comma-separated (a group)</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="233" />
        <source>oncall | oncall:2 | supervisor</source>
        <translation>oncall | oncall:2 | supervisor</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="234" />
        <source>critical, major (empty: any)</source>
        <translation>critical, major (empty: any)</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="235" />
        <source>安徽省/合肥市 (empty: everywhere)</source>
        <translation>安徽省/合肥市 (empty: everywhere)</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="236" />
        <source>Save recipient</source>
        <translation>Save recipient</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="236" />
        <location filename="../notifications/editors.py" line="237" />
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="237" />
        <source>Save rule</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="238" />
        <source>Put on call</source>
        <translation>Put on call</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="238" />
        <source>End selected now</source>
        <translation>End selected now</translation>
    </message>
</context>
<context>
    <name>NotificationsScreen</name>
    <message>
        <location filename="../notifications/screen.py" line="62" />
        <source>Notification settings</source>
        <translation>Notification settings</translation>
    </message>
    <message>
        <location filename="../notifications/screen.py" line="65" />
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../notifications/screen.py" line="68" />
        <source>Notifications…</source>
        <translation>Notifications…</translation>
    </message>
    <message>
        <location filename="../notifications/screen.py" line="69" />
        <source>Notification settings…</source>
        <translation>Notification settings…</translation>
    </message>
</context>
</TS>