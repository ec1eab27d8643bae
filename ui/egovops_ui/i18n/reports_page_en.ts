<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ExportPanel</name>
    <message>
        <location filename="../reports_page/exporter.py" line="78" />
        <source>PDF report (*.pdf)</source>
        <translation>PDF report (*.pdf)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="78" />
        <source>PNG chart (*.png)</source>
        <translation>PNG chart (*.png)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="78" />
        <source>SVG chart (*.svg)</source>
        <translation>SVG chart (*.svg)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="79" />
        <source>CSV table for Excel (*.csv)</source>
        <translation>CSV table for Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="79" />
        <source>JSON data (*.json)</source>
        <translation>JSON data (*.json)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="80" />
        <source>Export availability report</source>
        <translation>Export availability report</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="99" />
        <source>Writing {name}…</source>
        <translation>Writing {name}…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="106" />
        <source>%v of %m pages</source>
        <translation>%v of %m pages</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="121" />
        <source>Written: {path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="127" />
        <source>Export to {path} failed: {error}</source>
        <translation>Export to {path} failed: {error}</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="130" />
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="137" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="138" />
        <source>PDF report…</source>
        <translation>PDF report…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="138" />
        <source>PNG chart…</source>
        <translation>PNG chart…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="138" />
        <source>SVG chart…</source>
        <translation>SVG chart…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="139" />
        <source>CSV table (Excel)…</source>
        <translation>CSV table (Excel)…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="139" />
        <source>JSON data…</source>
        <translation>JSON data…</translation>
    </message>
</context>
<context>
    <name>ReportPickers</name>
    <message>
        <location filename="../reports_page/pickers.py" line="122" />
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="123" />
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="123" />
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="124" />
        <source>Last week</source>
        <translation>Last week</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="124" />
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="125" />
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="125" />
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="125" />
        <source>Owner unit</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="126" />
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="126" />
        <source>Device role</source>
        <translation>Device role</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="126" />
        <source>Protection level</source>
        <translation>Protection level</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="127" />
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="127" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="128" />
        <source>Availability by city</source>
        <translation>Availability by city</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="128" />
        <source>Daily heat map of the worst</source>
        <translation>Daily heat map of the worst</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="129" />
        <source>Monthly trend</source>
        <translation>Monthly trend</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="133" />
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="134" />
        <source>Group by:</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="135" />
        <source>Service view</source>
        <translation>Service view</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="136" />
        <source>Device view</source>
        <translation>Device view</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="137" />
        <source>Was the device reachable from the operations centre</source>
        <translation>Was the device reachable from the operations centre</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="138" />
        <source>Unreachable time caused by a failed upstream device is charged to that device</source>
        <translation>Unreachable time caused by a failed upstream device is charged to that device</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="139" />
        <source>Chart:</source>
        <translation>Chart:</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../reports_page/page.py" line="103" />
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../reports_page/page.py" line="134" />
        <source>{period} (time zone {zone}) · SLA target {sla}%</source>
        <translation>{period} (time zone {zone}) · SLA target {sla}%</translation>
    </message>
    <message>
        <location filename="../reports_page/page.py" line="136" />
        <source>Whole network, {view}: availability {availability} (SLA {verdict}), {outages} outages, monitored coverage {coverage}, {devices} devices</source>
        <translation>Whole network, {view}: availability {availability} (SLA {verdict}), {outages} outages, monitored coverage {coverage}, {devices} devices</translation>
    </message>
    <message>
        <location filename="../reports_page/page.py" line="145" />
        <source>The report could not be computed: {error}</source>
        <translation>The report could not be computed: {error}</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../reports_page/screen.py" line="40" />
        <source>Availability reports</source>
        <translation>Availability reports</translation>
    </message>
    <message>
        <location filename="../reports_page/screen.py" line="43" />
        <source>Availability reports…</source>
        <translation>Availability reports…</translation>
    </message>
</context>
</TS>