<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="86" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>The operator is not known yet; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="115" />
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="115" />
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="133" />
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="133" />
        <location filename="../settings_dialogs/accounts_dialog.py" line="186" />
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="143" />
        <source>Account {name} added.</source>
        <translation>Account {name} added.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="149" />
        <source>Role of {name} changed.</source>
        <translation>Role of {name} changed.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="154" />
        <source>Account {name} enabled.</source>
        <translation>Account {name} enabled.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="154" />
        <source>Account {name} disabled.</source>
        <translation>Account {name} disabled.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="160" />
        <source>Account {name} removed.</source>
        <translation>Account {name} removed.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="163" />
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="163" />
        <source>engineer</source>
        <translation>engineer</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="164" />
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="164" />
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="172" />
        <source>Accounts and roles</source>
        <translation>Accounts and roles</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="173" />
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="173" />
        <location filename="../settings_dialogs/accounts_dialog.py" line="180" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="173" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="173" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="177" />
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="178" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="179" />
        <source>Add a local account</source>
        <translation>Add a local account</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="180" />
        <source>Account name</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="180" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="181" />
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="184" />
        <source>at least 8 characters of three kinds</source>
        <translation>at least 8 characters of three kinds</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="185" />
        <source>Add account</source>
        <translation>Add account</translation>
    </message>
</context>
<context>
    <name>CredentialProfilesDialog</name>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="136" />
        <source>Profile {name} saved; its secrets are in the system keyring.</source>
        <translation>Profile {name} saved; its secrets are in the system keyring.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="146" />
        <source>Delete credential profile</source>
        <translation>Delete credential profile</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="147" />
        <source>Delete {name} and its secrets from the keyring? Devices using it can no longer be polled.</source>
        <translation>Delete {name} and its secrets from the keyring? Devices using it can no longer be polled.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="155" />
        <source>Profile {name} deleted.</source>
        <translation>Profile {name} deleted.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="172" />
        <source>Credential profiles</source>
        <translation>Credential profiles</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="173" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="173" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="173" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="173" />
        <source>Protocols / key file</source>
        <translation>Protocols / key file</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="174" />
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="175" />
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="176" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="177" />
        <source>Test the selected profile</source>
        <translation>Test the selected profile</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../settings_dialogs/general_tab.py" line="56" />
        <source>SLA target (availability)</source>
        <translation>SLA target (availability)</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/general_tab.py" line="57" />
        <source>Reports mark each unit against this target. Changing it needs the supervisor role.</source>
        <translation>Reports mark each unit against this target. Changing it needs the supervisor role.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/general_tab.py" line="58" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>MaintenanceTab</name>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="138" />
        <source>Planning maintenance needs the engineer role.</source>
        <translation>Planning maintenance needs the engineer role.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="160" />
        <source>Maintenance window {id} planned.</source>
        <translation>Maintenance window {id} planned.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="168" />
        <source>Select the window to remove.</source>
        <translation>Select the window to remove.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="175" />
        <source>Maintenance window {id} removed.</source>
        <translation>Maintenance window {id} removed.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="179" />
        <source>device</source>
        <translation>device</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="179" />
        <source>site</source>
        <translation>site</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="179" />
        <source>network</source>
        <translation>network</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="182" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="193" />
        <source>once</source>
        <translation>once</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="182" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="193" />
        <source>weekly</source>
        <translation>weekly</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="182" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="193" />
        <source>monthly</source>
        <translation>monthly</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="184" />
        <source> until {day}</source>
        <translation> until {day}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="187" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="187" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="195" />
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="187" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="195" />
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="187" />
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="188" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="196" />
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="188" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="196" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="189" />
        <source>Remove selected window</source>
        <translation>Remove selected window</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="190" />
        <source>Plan a window</source>
        <translation>Plan a window</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="195" />
        <source>Device, site or network</source>
        <translation>Device, site or network</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="196" />
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="196" />
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="199" />
        <source>until</source>
        <translation>until</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="200" />
        <source>Plan window</source>
        <translation>Plan window</translation>
    </message>
</context>
<context>
    <name>OverridesTab</name>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="107" />
        <source>Choose the site or device the override applies to.</source>
        <translation>Choose the site or device the override applies to.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="114" />
        <source>Set for {scope}; click Save to store it.</source>
        <translation>Set for {scope}; click Save to store it.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="119" />
        <source>Select the override to remove.</source>
        <translation>Select the override to remove.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="124" />
        <source>Removed; click Save to store it.</source>
        <translation>Removed; click Save to store it.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="127" />
        <source>site</source>
        <translation>site</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="127" />
        <source>device</source>
        <translation>device</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="130" />
        <source>Status every (s)</source>
        <translation>Status every (s)</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="130" />
        <source>Interfaces every (s)</source>
        <translation>Interfaces every (s)</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="130" />
        <source>Health every (s)</source>
        <translation>Health every (s)</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="131" />
        <source>Timeout (s)</source>
        <translation>Timeout (s)</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="131" />
        <source>Retries</source>
        <translation>Retries</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="134" />
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="139" />
        <source>Remove selected override</source>
        <translation>Remove selected override</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="140" />
        <source>Set a value for a site (and everything below it) or a device</source>
        <translation>Set a value for a site (and everything below it) or a device</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="141" />
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="142" />
        <source>A device's own value beats its sites'; a deeper site's beats its ancestors'.</source>
        <translation>A device's own value beats its sites'; a deeper site's beats its ancestors'.</translation>
    </message>
</context>
<context>
    <name>PollingTab</name>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="23" />
        <source>A running poller takes saved settings up at the start of its next cycle.</source>
        <translation>A running poller takes saved settings up at the start of its next cycle.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="85" />
        <source>How often</source>
        <translation>How often</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="86" />
        <source>Timeouts and concurrency</source>
        <translation>Timeouts and concurrency</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="88" />
        <source>Status (reachability) every</source>
        <translation>Status (reachability) every</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="88" />
        <source>Interfaces every</source>
        <translation>Interfaces every</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="89" />
        <source>Health (CPU, memory, temperature) every</source>
        <translation>Health (CPU, memory, temperature) every</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="89" />
        <source>Timeout per request</source>
        <translation>Timeout per request</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="90" />
        <source>Retries</source>
        <translation>Retries</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="90" />
        <source>Devices polled at once</source>
        <translation>Devices polled at once</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="91" />
        <source>Devices walked at once (interfaces, health)</source>
        <translation>Devices walked at once (interfaces, health)</translation>
    </message>
</context>
<context>
    <name>ProbeRow</name>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="63" />
        <source>Choose a device to test the profile against.</source>
        <translation>Choose a device to test the profile against.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="73" />
        <source>Testing on {device}…</source>
        <translation>Testing on {device}…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="81" />
        <source>OK: {device} answered ({detail}) in {seconds:.1f} s</source>
        <translation>OK: {device} answered ({detail}) in {seconds:.1f} s</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="82" />
        <source>Timeout: {device} did not answer. {detail}</source>
        <translation>Timeout: {device} did not answer. {detail}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="83" />
        <source>Authentication failed on {device}. {detail}</source>
        <translation>Authentication failed on {device}. {detail}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="84" />
        <source>Host key not trusted for {device}. {detail}</source>
        <translation>Host key not trusted for {device}. {detail}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="85" />
        <source>Failed on {device}. {detail}</source>
        <translation>Failed on {device}. {detail}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="96" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="97" />
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="98" />
        <source>device name</source>
        <translation>device name</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="99" />
        <source>SNMP: read sysName; SSH: log in. Runs in the background.</source>
        <translation>SNMP: read sysName; SSH: log in. Runs in the background.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="108" />
        <source>SSH private key</source>
        <translation>SSH private key</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="143" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>The operator is not known yet; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="153" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="187" />
        <source>Edit credential profile</source>
        <translation>Edit credential profile</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="187" />
        <source>New credential profile</source>
        <translation>New credential profile</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="189" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="189" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="189" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="190" />
        <source>Authentication protocol</source>
        <translation>Authentication protocol</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="190" />
        <source>Privacy protocol</source>
        <translation>Privacy protocol</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="191" />
        <source>Private key file</source>
        <translation>Private key file</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="191" />
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="192" />
        <source>Authentication key</source>
        <translation>Authentication key</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="192" />
        <source>Privacy key</source>
        <translation>Privacy key</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="193" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="193" />
        <source>Key passphrase</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="194" />
        <source>Enable/super password (optional)</source>
        <translation>Enable/super password (optional)</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="198" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="199" />
        <source>stored — leave empty to keep</source>
        <translation>stored — leave empty to keep</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="203" />
        <source>Secrets go straight to the system keyring; they are never stored in the database and never shown again.</source>
        <translation>Secrets go straight to the system keyring; they are never stored in the database and never shown again.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="100" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="110" />
        <source>Saved {n} change(s).</source>
        <translation>Saved {n} change(s).</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="110" />
        <source>Nothing changed.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="123" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="124" />
        <source>Polling</source>
        <translation>Polling</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="124" />
        <source>Thresholds</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="124" />
        <source>Per site and device</source>
        <translation>Per site and device</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="125" />
        <source>SLA and language</source>
        <translation>SLA and language</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="125" />
        <source>Maintenance windows</source>
        <translation>Maintenance windows</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../settings_dialogs/screen.py" line="70" />
        <source>Accounts and roles</source>
        <translation>Accounts and roles</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="71" />
        <source>Managing accounts needs the admin role.</source>
        <translation>Managing accounts needs the admin role.</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="77" />
        <source>Credential profiles…</source>
        <translation>Credential profiles…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="78" />
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="79" />
        <source>Accounts and roles…</source>
        <translation>Accounts and roles…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="80" />
        <source>Admins only</source>
        <translation>Admins only</translation>
    </message>
</context>
<context>
    <name>ThresholdsTab</name>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="127" />
        <source>CPU above</source>
        <translation>CPU above</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="127" />
        <source>Memory above</source>
        <translation>Memory above</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="128" />
        <source>Temperature above</source>
        <translation>Temperature above</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="128" />
        <source>Interface errors and discards above</source>
        <translation>Interface errors and discards above</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="132" />
        <source>A device over a threshold is shown degraded and raises an alarm.</source>
        <translation>A device over a threshold is shown degraded and raises an alarm.</translation>
    </message>
</context>
</TS>