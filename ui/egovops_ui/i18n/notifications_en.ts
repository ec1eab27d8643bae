<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeliveryLogPage</name>
    <message>
        <location filename="../notifications/page.py" line="114" />
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="121" />
        <source>Test message sent.</source>
        <translation>Test message sent.</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="130" />
        <source>alarm</source>
        <translation>alarm</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="130" />
        <source>escalation</source>
        <translation>escalation</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="130" />
        <source>recovery</source>
        <translation>recovery</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="131" />
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="131" />
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="131" />
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="132" />
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="132" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="135" />
        <source>Alarm id:</source>
        <translation>Alarm id:</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="136" />
        <source>all alarms</source>
        <translation>all alarms</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="137" />
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="141" />
        <source>Send a test message over</source>
        <translation>Send a test message over</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="142" />
        <source>to address (mail, phone…)</source>
        <translation>to address (mail, phone…)</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="143" />
        <source>Send test message</source>
        <translation>Send test message</translation>
    </message>
</context>
<context>
    <name>NotificationsScreen</name>
    <message>
        <location filename="../notifications/screen.py" line="41" />
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../notifications/screen.py" line="44" />
        <source>Notifications…</source>
        <translation>Notifications…</translation>
    </message>
</context>
</TS>