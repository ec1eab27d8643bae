<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditRecordDialog</name>
    <message>
        <location filename="../runner/audit_dialog.py" line="53" />
        <source>Audit record {id}</source>
        <translation>Audit record {id}</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="55" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="55" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="55" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="55" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="56" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="56" />
        <source>Output digest</source>
        <translation>Output digest</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="56" />
        <source>Chain hash</source>
        <translation>Chain hash</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="62" />
        <source>The audit trail's hash chain is broken: {problems}</source>
        <translation>The audit trail's hash chain is broken: {problems}</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="65" />
        <source>The audit trail's hash chain verifies, this record included.</source>
        <translation>The audit trail's hash chain verifies, this record included.</translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <location filename="../runner/param_form.py" line="121" />
        <source>Required: give a value.</source>
        <translation>Required: give a value.</translation>
    </message>
    <message>
        <location filename="../runner/param_form.py" line="152" />
        <source>This procedure takes no parameters.</source>
        <translation>This procedure takes no parameters.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <location filename="../runner/results_pane.py" line="86" />
        <source>Running {name}…</source>
        <translation>Running {name}…</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="121" />
        <source>{name} finished: {ok} ok, {failed} failed, {skipped} skipped.</source>
        <translation>{name} finished: {ok} ok, {failed} failed, {skipped} skipped.</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="123" />
        <source>Dry run: no device was contacted.</source>
        <translation>Dry run: no device was contacted.</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="125" />
        <source>Cancelled by the operator.</source>
        <translation>Cancelled by the operator.</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="138" />
        <source>Audit record</source>
        <translation>Audit record</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="140" />
        <source>Audit record {id}</source>
        <translation>Audit record {id}</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="143" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="144" />
        <source>Select a device to see its whole result.</source>
        <translation>Select a device to see its whole result.</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="145" />
        <source>Failures only</source>
        <translation>Failures only</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <location filename="../runner/risk.py" line="14" />
        <source>read-only</source>
        <translation>read-only</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="15" />
        <source>changes the configuration</source>
        <translation>changes the configuration</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="16" />
        <source>disruptive</source>
        <translation>disruptive</translation>
    </message>
</context>
<context>
    <name>RunnerPanel</name>
    <message>
        <location filename="../runner/panel.py" line="166" />
        <source>Confirm the procedure</source>
        <translation>Confirm the procedure</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="168" />
        <source>{name} ({risk}) changes the devices it runs on. Devices: {n}.</source>
        <translation>{name} ({risk}) changes the devices it runs on. Devices: {n}.</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="170" />
        <source>Targets: {selector}
Run it now? Consider a dry run first.</source>
        <translation>Targets: {selector}
Run it now? Consider a dry run first.</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="173" />
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="174" />
        <source>Do not run</source>
        <translation>Do not run</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="210" />
        <source>Cancelling: devices already started finish, the others are skipped…</source>
        <translation>Cancelling: devices already started finish, the others are skipped…</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="234" />
        <source>Export results</source>
        <translation>Export results</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="234" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="243" />
        <source>Results exported to {path} (rows: {n})</source>
        <translation>Results exported to {path} (rows: {n})</translation>
    </message>
</context>
<context>
    <name>RunnerRoles</name>
    <message>
        <location filename="../runner/risk.py" line="27" />
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="28" />
        <source>engineer</source>
        <translation>engineer</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="29" />
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="30" />
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
</context>
<context>
    <name>RunnerScreen</name>
    <message>
        <location filename="../runner/screen.py" line="57" />
        <source>Procedures</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../runner/screen.py" line="60" />
        <source>Run &amp;procedure…</source>
        <translation>Run &amp;procedure…</translation>
    </message>
</context>
<context>
    <name>RunnerStatus</name>
    <message>
        <location filename="../runner/results_model.py" line="22" />
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="23" />
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="24" />
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="25" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="26" />
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
</context>
<context>
    <name>SetupPane</name>
    <message>
        <location filename="../runner/setup_pane.py" line="129" />
        <source>Risk: {risk} — needs the {role} role</source>
        <translation>Risk: {risk} — needs the {role} role</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="142" />
        <source>Devices to work on: {n}</source>
        <translation>Devices to work on: {n}</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="144" />
        <source>; skipped, not supported by this procedure: {n}</source>
        <translation>; skipped, not supported by this procedure: {n}</translation>
    </message>
    <message>
        <source>(each device's own profile)</source>
        <translation type="vanished">(each device's own profile)</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="33" />
        <source>Choose a procedure</source>
        <translation>Choose a procedure</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="161" />
        <source>(automatic: the device's own, else the only one of this kind)</source>
        <translation>(automatic: the device's own, else the only one of this kind)</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="165" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="166" />
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="167" />
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="168" />
        <source>e.g. site:安徽省/合肥市 vendor:huawei, or device names</source>
        <translation>e.g. site:安徽省/合肥市 vendor:huawei, or device names</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="169" />
        <source>Names (wildcards allowed) or key:value with key name, site, network, role, vendor, tag; the same key twice means either, different keys must all hold; 'all' for every device.</source>
        <translation>Names (wildcards allowed) or key:value with key name, site, network, role, vendor, tag; the same key twice means either, different keys must all hold; 'all' for every device.</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="171" />
        <source>Use the selected site</source>
        <translation>Use the selected site</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="172" />
        <source>Their whole city</source>
        <translation>Their whole city</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="173" />
        <source>Every device in the city of each device chosen now</source>
        <translation>Every device in the city of each device chosen now</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="174" />
        <source>SSH profile</source>
        <translation>SSH profile</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="175" />
        <source>SNMP profile</source>
        <translation>SNMP profile</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="176" />
        <source>Dry run (contact no device)</source>
        <translation>Dry run (contact no device)</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="177" />
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="178" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>