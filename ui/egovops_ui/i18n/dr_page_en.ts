<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../dr_page/page.py" line="84"/>
        <source>Drift: %1 and %2</source>
        <translation>Drift: %1 and %2</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="88"/>
        <source>No drift: the compared lines are the same.</source>
        <translation>No drift: the compared lines are the same.</translation>
    </message>
</context>
<context>
    <name>DrPage</name>
    <message>
        <location filename="../dr_page/page.py" line="165"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="166"/>
        <location filename="../dr_page/page.py" line="171"/>
        <source>Centres</source>
        <translation>Centres</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="167"/>
        <source>Inter-centre links</source>
        <translation>Inter-centre links</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="168"/>
        <source>Configuration drift between DR peers</source>
        <translation>Configuration drift between DR peers</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="169"/>
        <source>Verdict over the month</source>
        <translation>Verdict over the month</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="170"/>
        <source>Show the differences…</source>
        <translation>Show the differences…</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="171"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="171"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="172"/>
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="172"/>
        <source>Headroom</source>
        <translation>Headroom</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="172"/>
        <source>Latency / jitter</source>
        <translation>Latency / jitter</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="173"/>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="174"/>
        <source>Differing lines</source>
        <translation>Differing lines</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="174"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="174"/>
        <source>DR peer</source>
        <translation>DR peer</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="175"/>
        <source>Device backup</source>
        <translation>Device backup</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="175"/>
        <source>Peer backup</source>
        <translation>Peer backup</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="176"/>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="176"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="176"/>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="206"/>
        <source>DR readiness: %1</source>
        <translation>DR readiness: %1</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="208"/>
        <source>Nothing stands in the way.</source>
        <translation>Nothing stands in the way.</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="213"/>
        <location filename="../dr_page/page.py" line="232"/>
        <source>not measured</source>
        <translation>not measured</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="223"/>
        <source>Last drill: none recorded</source>
        <translation>Last drill: none recorded</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="225"/>
        <source>Last drill: %1 to %2, %3, over %4. %5</source>
        <translation>Last drill: %1 to %2, %3, over %4. %5</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="237"/>
        <source>no backup</source>
        <translation>no backup</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="251"/>
        <source>Verdict: %1</source>
        <translation>Verdict: %1</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="252"/>
        <source>Core and aggregation up: %1 of %2</source>
        <translation>Core and aggregation up: %1 of %2</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="254"/>
        <source>Redundant pairs whole: %1 of %2</source>
        <translation>Redundant pairs whole: %1 of %2</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="256"/>
        <source>Uplinks up: %1 of %2</source>
        <translation>Uplinks up: %1 of %2</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="260"/>
        <source>Not up: %1</source>
        <translation>Not up: %1</translation>
    </message>
</context>
<context>
    <name>DrScreen</name>
    <message>
        <location filename="../dr_page/screen.py" line="38"/>
        <source>DR readiness</source>
        <translation>DR readiness</translation>
    </message>
    <message>
        <location filename="../dr_page/screen.py" line="41"/>
        <source>DR readiness…</source>
        <translation>DR readiness…</translation>
    </message>
</context>
</TS>
