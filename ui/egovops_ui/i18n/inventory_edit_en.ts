<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="183" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="197" />
        <source>Edit device {name}</source>
        <translation>Edit device {name}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="197" />
        <source>Add device</source>
        <translation>Add device</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="199" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="199" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="199" />
        <source>SNMP port</source>
        <translation>SNMP port</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="200" />
        <source>SSH port</source>
        <translation>SSH port</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="200" />
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="200" />
        <source>Site (choose in the tree)</source>
        <translation>Site (choose in the tree)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="201" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="201" />
        <source>Vendor</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="201" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="202" />
        <source>Security domain</source>
        <translation>Security domain</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="202" />
        <source>Protection level</source>
        <translation>Protection level</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="203" />
        <source>Owner unit</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="203" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="204" />
        <source>Credential profile</source>
        <translation>Credential profile</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="204" />
        <source>Tags (separated by ;)</source>
        <translation>Tags (separated by ;)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="209" />
        <source>core</source>
        <translation>core</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="209" />
        <source>aggregation</source>
        <translation>aggregation</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="209" />
        <source>access</source>
        <translation>access</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="210" />
        <source>firewall</source>
        <translation>firewall</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="210" />
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="210" />
        <source>storage</source>
        <translation>storage</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="210" />
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>not graded</source>
        <translation>not graded</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>level 1</source>
        <translation>level 1</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>level 2</source>
        <translation>level 2</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>level 3</source>
        <translation>level 3</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>level 4</source>
        <translation>level 4</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="217" />
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="219" />
        <source>{name} (not defined yet)</source>
        <translation>{name} (not defined yet)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="220" />
        <source>intranet (电子政务内网)</source>
        <translation>intranet (电子政务内网)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="220" />
        <source>extranet (电子政务外网)</source>
        <translation>extranet (电子政务外网)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="224" />
        <source>A device's name identifies its configuration history and audit records; it cannot change once stored.</source>
        <translation>A device's name identifies its configuration history and audit records; it cannot change once stored.</translation>
    </message>
</context>
<context>
    <name>DevicePicker</name>
    <message>
        <location filename="../inventory_edit/device_picker.py" line="41" />
        <source>No device named {name} in the inventory.</source>
        <translation>No device named {name} in the inventory.</translation>
    </message>
</context>
<context>
    <name>DeviceRemoval</name>
    <message>
        <location filename="../inventory_edit/removal.py" line="34" />
        <source>Deleted with it: {links} links, {changes} state changes (its availability history), {alarms} alarms, {samples} polling samples, its current status, discovered neighbours and map position.</source>
        <translation>Deleted with it: {links} links, {changes} state changes (its availability history), {alarms} alarms, {samples} polling samples, its current status, discovered neighbours and map position.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="37" />
        <source>Kept: its {configs} stored configuration versions and every audit record.</source>
        <translation>Kept: its {configs} stored configuration versions and every audit record.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="50" />
        <source>Remove device</source>
        <translation>Remove device</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="51" />
        <source>Remove {name} from the inventory? This cannot be undone.</source>
        <translation>Remove {name} from the inventory? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="53" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="69" />
        <source>Device {name} removed.</source>
        <translation>Device {name} removed.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="86" />
        <source>Import {file}</source>
        <translation>Import {file}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="87" />
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="87" />
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="87" />
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="88" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="89" />
        <source>Create the sites the file names that are not in the site tree (otherwise rows naming them are rejected)</source>
        <translation>Create the sites the file names that are not in the site tree (otherwise rows naming them are rejected)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="92" />
        <source>Import the devices of {file}. Bad rows are rejected one by one; good rows are stored; devices not named in the file stay as they are.</source>
        <translation>Import the devices of {file}. Bad rows are rejected one by one; good rows are stored; devices not named in the file stay as they are.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="96" />
        <source>The import did not run: {error}</source>
        <translation>The import did not run: {error}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="99" />
        <source>Importing {file}…</source>
        <translation>Importing {file}…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="108" />
        <source>Nothing was stored: {error}</source>
        <translation>Nothing was stored: {error}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="109" />
        <source>{stored} of {rows} rows stored ({added} devices added, {updated} updated); file read as {encoding}.</source>
        <translation>{stored} of {rows} rows stored ({added} devices added, {updated} updated); file read as {encoding}.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="115" />
        <source>{n} rows were rejected and nothing from them was stored; every problem is listed below.</source>
        <translation>{n} rows were rejected and nothing from them was stored; every problem is listed below.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="122" />
        <source>New sites created: {sites}</source>
        <translation>New sites created: {sites}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="126" />
        <source>Devices added: {devices}</source>
        <translation>Devices added: {devices}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="131" />
        <source>Stored devices changed by the file (name and fields): {devices}</source>
        <translation>Stored devices changed by the file (name and fields): {devices}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="127" />
        <location filename="../inventory_edit/import_dialog.py" line="132" />
        <source> and {n} more</source>
        <translation> and {n} more</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="135" />
        <source>Devices already stored and not named in the file are unchanged.</source>
        <translation>Devices already stored and not named in the file are unchanged.</translation>
    </message>
</context>
<context>
    <name>InventoryEditScreen</name>
    <message>
        <location filename="../inventory_edit/screen.py" line="81" />
        <source>Editing the inventory needs the engineer role or higher.</source>
        <translation>Editing the inventory needs the engineer role or higher.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="112" />
        <source>Inventory: {error}</source>
        <translation>Inventory: {error}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="121" />
        <source>Edit device</source>
        <translation>Edit device</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="121" />
        <source>Device to edit:</source>
        <translation>Device to edit:</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="127" />
        <source>Remove device</source>
        <translation>Remove device</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="127" />
        <source>Device to remove:</source>
        <translation>Device to remove:</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="148" />
        <location filename="../inventory_edit/screen.py" line="180" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>The operator is not known yet; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="158" />
        <source>Device {name} saved.</source>
        <translation>Device {name} saved.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="158" />
        <source>Device {name} added.</source>
        <translation>Device {name} added.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="172" />
        <source>Import inventory file</source>
        <translation>Import inventory file</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="174" />
        <source>Inventory CSV (*.csv)</source>
        <translation>Inventory CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="174" />
        <source>Inventory YAML (*.yaml *.yml)</source>
        <translation>Inventory YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="199" />
        <source>&amp;Add device…</source>
        <translation>&amp;Add device…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="200" />
        <source>&amp;Edit device…</source>
        <translation>&amp;Edit device…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="201" />
        <source>&amp;Remove device…</source>
        <translation>&amp;Remove device…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="202" />
        <source>&amp;Sites…</source>
        <translation>&amp;Sites…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="203" />
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="204" />
        <source>Edit inventory record…</source>
        <translation>Edit inventory record…</translation>
    </message>
</context>
<context>
    <name>SitesDialog</name>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="125" />
        <source>province</source>
        <translation>province</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="125" />
        <source>city</source>
        <translation>city</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="125" />
        <source>county</source>
        <translation>county</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="126" />
        <source>department</source>
        <translation>department</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="126" />
        <source>data centre</source>
        <translation>data centre</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="135" />
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="136" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="136" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="136" />
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="137" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="138" />
        <source>Kind of a new site</source>
        <translation>Kind of a new site</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="139" />
        <source>Add below the chosen site</source>
        <translation>Add below the chosen site</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="140" />
        <source>Rename the chosen site</source>
        <translation>Rename the chosen site</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="141" />
        <source>Remove the chosen site…</source>
        <translation>Remove the chosen site…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="142" />
        <source>name of the new site, or the new name</source>
        <translation>name of the new site, or the new name</translation>
    </message>
</context>
<context>
    <name>SitesFlow</name>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="45" />
        <source>the operator is not known yet; try again in a moment</source>
        <translation>the operator is not known yet; try again in a moment</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="62" />
        <source>Site {path} added.</source>
        <translation>Site {path} added.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="66" />
        <source>Site {old} is now {new}.</source>
        <translation>Site {old} is now {new}.</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="79" />
        <source>Remove site</source>
        <translation>Remove site</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="80" />
        <source>Remove the site {path} and the {n} empty sites below it?</source>
        <translation>Remove the site {path} and the {n} empty sites below it?</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="80" />
        <source>Remove the site {path}?</source>
        <translation>Remove the site {path}?</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="82" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="90" />
        <source>{n} sites removed: {path} and everything below it.</source>
        <translation>{n} sites removed: {path} and everything below it.</translation>
    </message>
</context>
</TS>