<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../device_view/charts_panel.py" line="79" />
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="79" />
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="79" />
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="87" />
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="88" />
        <source>Interface:</source>
        <translation>Interface:</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="95" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="114" />
        <source>Could not load the charts: {error}</source>
        <translation>Could not load the charts: {error}</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="142" />
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="143" />
        <source>Memory %</source>
        <translation>Memory %</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="145" />
        <source>CPU and memory (%)</source>
        <translation>CPU and memory (%)</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="152" />
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="153" />
        <source>out</source>
        <translation>out</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="155" />
        <source>Traffic of {interface} (Mbit/s)</source>
        <translation>Traffic of {interface} (Mbit/s)</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="161" />
        <source>hourly averages</source>
        <translation>hourly averages</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="161" />
        <source>every sample</source>
        <translation>every sample</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="162" />
        <source>{n} points, {kind}</source>
        <translation>{n} points, {kind}</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="163" />
        <source>No samples stored for this period yet</source>
        <translation>No samples stored for this period yet</translation>
    </message>
</context>
<context>
    <name>CommandPanel</name>
    <message>
        <location filename="../device_view/command_panel.py" line="65" />
        <source>SSH profile:</source>
        <translation>SSH profile:</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="66" />
        <source>A command, e.g. display interface brief or show version</source>
        <translation>A command, e.g. display interface brief or show version</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="67" />
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="71" />
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="71" />
        <source>engineer</source>
        <translation>engineer</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="72" />
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="72" />
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="90" />
        <source>No SSH credential profile exists yet: add one under credentials first.</source>
        <translation>No SSH credential profile exists yet: add one under credentials first.</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="93" />
        <source>Your role ({role}) may send read-only commands only: {verbs}.</source>
        <translation>Your role ({role}) may send read-only commands only: {verbs}.</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="96" />
        <source>Commands are sent as typed and recorded in the audit log.</source>
        <translation>Commands are sent as typed and recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="104" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>The operator is not known yet; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="116" />
        <source>[{seconds:.1f} s, audit record {id}]</source>
        <translation>[{seconds:.1f} s, audit record {id}]</translation>
    </message>
</context>
<context>
    <name>ConfigPanel</name>
    <message>
        <location filename="../device_view/config_panel.py" line="92" />
        <source>Older:</source>
        <translation>Older:</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="93" />
        <source>Newer:</source>
        <translation>Newer:</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="94" />
        <source>Show differences</source>
        <translation>Show differences</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="95" />
        <source>Changes the device reported</source>
        <translation>Changes the device reported</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="96" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="96" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="96" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="121" />
        <source>none received (the device's syslog comes to the collector's receiver)</source>
        <translation>none received (the device's syslog comes to the collector's receiver)</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="134" />
        <source>v{n} — {time}</source>
        <translation>v{n} — {time}</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="140" />
        <source>No configuration stored yet: run the configuration backup procedure.</source>
        <translation>No configuration stored yet: run the configuration backup procedure.</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="142" />
        <source>{n} versions stored</source>
        <translation>{n} versions stored</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="153" />
        <source>The two versions are identical.</source>
        <translation>The two versions are identical.</translation>
    </message>
</context>
<context>
    <name>DeviceEventsPanel</name>
    <message>
        <location filename="../device_view/events_panel.py" line="38" />
        <source>Open in the Events tab</source>
        <translation>Open in the Events tab</translation>
    </message>
</context>
<context>
    <name>DeviceView</name>
    <message>
        <location filename="../device_view/view.py" line="165" />
        <source>{device}: {error}</source>
        <translation>{device}: {error}</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="183" />
        <location filename="../device_view/view.py" line="201" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>The operator is not known yet; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="186" />
        <source>Polling {device}…</source>
        <translation>Polling {device}…</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="193" />
        <source>Polled just now: {state}</source>
        <translation>Polled just now: {state}</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="204" />
        <source>Pinging {device}…</source>
        <translation>Pinging {device}…</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="210" />
        <source>ICMP echo</source>
        <translation>ICMP echo</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="210" />
        <source>SNMP sysUpTime</source>
        <translation>SNMP sysUpTime</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="212" />
        <source>{device} answered {method} in {ms:.1f} ms</source>
        <translation>{device} answered {method} in {ms:.1f} ms</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="215" />
        <source>{device} did not answer {method}: {detail}</source>
        <translation>{device} did not answer {method}: {detail}</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="226" />
        <source>On every device of {city}</source>
        <translation>On every device of {city}</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="227" />
        <source>On every device of its city</source>
        <translation>On every device of its city</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="233" />
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="234" />
        <source>On this device</source>
        <translation>On this device</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="236" />
        <source>Poll now</source>
        <translation>Poll now</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="237" />
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="238" />
        <source>Run a procedure…</source>
        <translation>Run a procedure…</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="239" />
        <source>Interfaces</source>
        <translation>Interfaces</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="239" />
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="239" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="240" />
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="240" />
        <source>Configurations</source>
        <translation>Configurations</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="240" />
        <source>Events</source>
        <translation>Events</translation>
    </message>
</context>
<context>
    <name>DeviceViewScreen</name>
    <message>
        <location filename="../device_view/screen.py" line="31" />
        <source>Open device…</source>
        <translation>Open device…</translation>
    </message>
    <message>
        <location filename="../device_view/screen.py" line="45" />
        <location filename="../device_view/screen.py" line="50" />
        <source>Open device</source>
        <translation>Open device</translation>
    </message>
    <message>
        <location filename="../device_view/screen.py" line="45" />
        <source>Device name:</source>
        <translation>Device name:</translation>
    </message>
    <message>
        <location filename="../device_view/screen.py" line="50" />
        <source>No device is named {name}.</source>
        <translation>No device is named {name}.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../device_view/history_panel.py" line="53" />
        <source>Recent state changes</source>
        <translation>Recent state changes</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="54" />
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="55" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="55" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="55" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="55" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="63" />
        <source>cut off by {device}</source>
        <translation>cut off by {device}</translation>
    </message>
</context>
<context>
    <name>InterfacesModel</name>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>Oper</source>
        <translation>Oper</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>Discards</source>
        <translation>Discards</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>LLDP neighbour</source>
        <translation>LLDP neighbour</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="38" />
        <source>down while admin up</source>
        <translation>down while admin up</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="38" />
        <source>errors</source>
        <translation>errors</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="39" />
        <source>neighbour lost</source>
        <translation>neighbour lost</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>testing</source>
        <translation>testing</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>dormant</source>
        <translation>dormant</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="44" />
        <source>not present</source>
        <translation>not present</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="44" />
        <source>lower layer down</source>
        <translation>lower layer down</translation>
    </message>
</context>
<context>
    <name>InterfacesPanel</name>
    <message>
        <location filename="../device_view/interfaces_panel.py" line="47" />
        <source>Filter: interface, description, neighbour…</source>
        <translation>Filter: interface, description, neighbour…</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_panel.py" line="48" />
        <source>Only interfaces at fault</source>
        <translation>Only interfaces at fault</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_panel.py" line="76" />
        <source>{shown} of {total} interfaces, {faults} at fault</source>
        <translation>{shown} of {total} interfaces, {faults} at fault</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../device_view/summary_panel.py" line="45" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="45" />
        <source>Vendor</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="45" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="45" />
        <source>OS</source>
        <translation>OS</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="46" />
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="46" />
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="46" />
        <source>CPU / memory</source>
        <translation>CPU / memory</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="47" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="47" />
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="47" />
        <source>Boards</source>
        <translation>Boards</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="48" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="48" />
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="48" />
        <source>Security domain</source>
        <translation>Security domain</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="49" />
        <source>Protection level</source>
        <translation>Protection level</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="49" />
        <source>Owner unit</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="50" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="50" />
        <source>Credential profile</source>
        <translation>Credential profile</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="54" />
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="61" />
        <source>since {time}</source>
        <translation>since {time}</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="68" />
        <source>{value} (discovered)</source>
        <translation>{value} (discovered)</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="79" />
        <source>level {n}</source>
        <translation>level {n}</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="83" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="90" />
        <source>{board}: CPU {cpu}, memory {memory}{temperature}</source>
        <translation>{board}: CPU {cpu}, memory {memory}{temperature}</translation>
    </message>
</context>
</TS>