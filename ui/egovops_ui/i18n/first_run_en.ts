<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="rn_BI">
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../first_run/panel.py" line="73" />
        <source>The store holds no devices yet</source>
        <translation>The store holds no devices yet</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="74" />
        <source>The map fills in once the network is known. To get there:</source>
        <translation>The map fills in once the network is known. To get there:</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="75" />
        <source>Import the inventory: the devices, their sites and networks, from a CSV or YAML file.</source>
        <translation>Import the inventory: the devices, their sites and networks, from a CSV or YAML file.</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="76" />
        <source>Add the credential profiles (SNMP and SSH) that the inventory names; secrets go to the system keyring.</source>
        <translation>Add the credential profiles (SNMP and SSH) that the inventory names; secrets go to the system keyring.</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="77" />
        <source>Start polling: run {command} on the collector machine; the map shows each cycle as it ends.</source>
        <translation>Start polling: run {command} on the collector machine; the map shows each cycle as it ends.</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="79" />
        <source>Import inventory…</source>
        <translation>Import inventory…</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="80" />
        <source>Credential profiles…</source>
        <translation>Credential profiles…</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="81" />
        <source>Or look around first: the demo province, simulated devices on this machine.</source>
        <translation>Or look around first: the demo province, simulated devices on this machine.</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="82" />
        <source>Open the demo</source>
        <translation>Open the demo</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <location filename="../first_run/screen.py" line="85" />
        <source>The demo console could not be started.</source>
        <translation>The demo console could not be started.</translation>
    </message>
</context>
</TS>