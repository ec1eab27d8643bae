<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>EvaluationPage</name>
    <message>
        <location filename="../evaluation_page/page.py" line="99" />
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="111" />
        <source>SLA target {sla}%</source>
        <translation>SLA target {sla}%</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="113" />
        <source>{period}: {n} ranked, {majors} major incidents</source>
        <translation>{period}: {n} ranked, {majors} major incidents</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="120" />
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="120" />
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="120" />
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="120" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="137" />
        <source>The evaluation could not be computed: {error}</source>
        <translation>The evaluation could not be computed: {error}</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="149" />
        <source>Export the evaluation</source>
        <translation>Export the evaluation</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="162" />
        <source>Writing {name}…</source>
        <translation>Writing {name}…</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="168" />
        <source>Written: {path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="173" />
        <source>Export to {path} failed: {error}</source>
        <translation>Export to {path} failed: {error}</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="178" />
        <source>Owner unit</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="178" />
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="178" />
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="185" />
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="186" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
</context>
<context>
    <name>EvaluationScreen</name>
    <message>
        <location filename="../evaluation_page/screen.py" line="41" />
        <source>Monthly evaluation</source>
        <translation>Monthly evaluation</translation>
    </message>
    <message>
        <location filename="../evaluation_page/screen.py" line="44" />
        <source>Monthly evaluation…</source>
        <translation>Monthly evaluation…</translation>
    </message>
</context>
</TS>