<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlarmDesk</name>
    <message>
        <location filename="../alarm_desk.py" line="98" />
        <source>All severities</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="99" />
        <source>All networks</source>
        <translation>All networks</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="109" />
        <source>Filter: device, site, message, unit…</source>
        <translation>Filter: device, site, message, unit…</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="110" />
        <source>Fold under root cause</source>
        <translation>Fold under root cause</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="111" />
        <location filename="../alarm_desk.py" line="208" />
        <source>Acknowledge…</source>
        <translation>Acknowledge…</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="112" />
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="113" />
        <source>No sound for new critical alarms</source>
        <translation>No sound for new critical alarms</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="191" />
        <source>Acknowledge alarms</source>
        <translation>Acknowledge alarms</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="192" />
        <source>Comment (recorded with your name):</source>
        <translation>Comment (recorded with your name):</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="206" />
        <source>Open device</source>
        <translation>Open device</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="207" />
        <source>Show on map</source>
        <translation>Show on map</translation>
    </message>
</context>
<context>
    <name>AlarmNotifier</name>
    <message>
        <location filename="../notifier.py" line="81" />
        <source>{n} new critical alarm(s)</source>
        <translation>{n} new critical alarm(s)</translation>
    </message>
</context>
<context>
    <name>AlarmTableModel</name>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>First seen</source>
        <translation>First seen</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>Acknowledged by</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="64" />
        <source>Owner unit</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="64" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="83" />
        <source>{state} (+{n} folded)</source>
        <translation>{state} (+{n} folded)</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="116" />
        <source>Acknowledged by {who}: {comment}</source>
        <translation>Acknowledged by {who}: {comment}</translation>
    </message>
</context>
<context>
    <name>ConsoleLock</name>
    <message>
        <location filename="../lock_screen.py" line="120" />
        <source>&amp;Lock console</source>
        <translation>&amp;Lock console</translation>
    </message>
    <message>
        <location filename="../lock_screen.py" line="121" />
        <source>Console locked</source>
        <translation>Console locked</translation>
    </message>
    <message>
        <location filename="../lock_screen.py" line="124" />
        <source>Locked by {name} at {time}. Enter its password to go on, or sign in with another account to take the desk over.</source>
        <translation>Locked by {name} at {time}. Enter its password to go on, or sign in with another account to take the desk over.</translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <location filename="../session.py" line="143" />
        <source>Cannot acknowledge yet: the operator is not known</source>
        <translation>Cannot acknowledge yet: the operator is not known</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <location filename="../status_bar.py" line="31" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="35" />
        <source>Devices: {up} up, {down} down, {unreachable} unreachable, {degraded} degraded</source>
        <translation>Devices: {up} up, {down} down, {unreachable} unreachable, {degraded} degraded</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="40" />
        <source>No poll cycle yet</source>
        <translation>No poll cycle yet</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="42" />
        <source>No poller has written for {minutes} min: last cycle {at}</source>
        <translation>No poller has written for {minutes} min: last cycle {at}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="46" />
        <source>Last cycle {at}: {seconds:.1f} s, {failed} of {devices} failed</source>
        <translation>Last cycle {at}: {seconds:.1f} s, {failed} of {devices} failed</translation>
    </message>
<message>
        <location filename="../status_bar.py" line="51" />
        <source>, {unmonitored} not monitored</source>
        <translation>, {unmonitored} not monitored</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="71" />
        <source> (by {name} on {host})</source>
        <translation> (by {name} on {host})</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="83" />
        <source>Collectors stopped reporting: {names}</source>
        <translation>Collectors stopped reporting: {names}</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../events_page.py" line="147" />
        <source>trap</source>
        <translation>trap</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="147" />
        <source>syslog</source>
        <translation>syslog</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="150" />
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="150" />
        <source>major</source>
        <translation>major</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="150" />
        <source>minor</source>
        <translation>minor</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="151" />
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="151" />
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="173" />
        <source>events: {count}</source>
        <translation>events: {count}</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="180" />
        <source>Device:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="180" />
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="180" />
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="181" />
        <source>Search:</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="183" />
        <source>name or address</source>
        <translation>name or address</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="184" />
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="188" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="195" />
        <source>last hour</source>
        <translation>last hour</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="195" />
        <source>last 24 hours</source>
        <translation>last 24 hours</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="195" />
        <source>last 7 days</source>
        <translation>last 7 days</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="196" />
        <source>last 30 days</source>
        <translation>last 30 days</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="196" />
        <source>last 180 days</source>
        <translation>last 180 days</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="200" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="200" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="200" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="200" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="201" />
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="201" />
        <source>Mnemonic</source>
        <translation>Mnemonic</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="201" />
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="201" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <location filename="../events_page.py" line="230" />
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="233" />
        <source>Events (traps and syslog)…</source>
        <translation>Events (traps and syslog)…</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../help_menu.py" line="50" />
        <source>Documentation: {path}</source>
        <translation>Documentation: {path}</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="51" />
        <source>No documentation is installed with this copy.</source>
        <translation>No documentation is installed with this copy.</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="52" />
        <source>egovops {version} — operations console for the provincial e-government network.</source>
        <translation>egovops {version} — operations console for the provincial e-government network.</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="56" />
        <source>About egovops</source>
        <translation>About egovops</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="67" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="68" />
        <source>&amp;Documentation</source>
        <translation>&amp;Documentation</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="69" />
        <source>&amp;About egovops</source>
        <translation>&amp;About egovops</translation>
    </message>
</context>
<context>
    <name>HostKeyPrompt</name>
    <message>
        <location filename="../host_key_prompt.py" line="99" />
        <source>Unknown SSH host key</source>
        <translation>Unknown SSH host key</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="101" />
        <source>The device {device} ({host}, port {port}) presented a host key this console has never seen.</source>
        <translation>The device {device} ({host}, port {port}) presented a host key this console has never seen.</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="103" />
        <source>Key type: {kind}
Fingerprint: {fingerprint}

Compare the fingerprint with the one shown on the device's console before you trust it. Trust and remember this key?</source>
        <translation>Key type: {kind}
Fingerprint: {fingerprint}

Compare the fingerprint with the one shown on the device's console before you trust it. Trust and remember this key?</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="108" />
        <source>Trust and remember</source>
        <translation>Trust and remember</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="109" />
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
</context>
<context>
    <name>HostKeysDialog</name>
    <message>
        <location filename="../host_key_prompt.py" line="138" />
        <source>Unknown SSH host keys</source>
        <translation>Unknown SSH host keys</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="140" />
        <source>{n} devices presented host keys this console has never seen. Compare each fingerprint with the one shown on the device's console, then trust the keys. No device is logged in to before you answer.</source>
        <translation>{n} devices presented host keys this console has never seen. Compare each fingerprint with the one shown on the device's console, then trust the keys. No device is logged in to before you answer.</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="145" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="145" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="145" />
        <source>Key type</source>
        <translation>Key type</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="146" />
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="160" />
        <source>Trust all shown</source>
        <translation>Trust all shown</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="162" />
        <source>Trust the ticked</source>
        <translation>Trust the ticked</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="164" />
        <source>Refuse all</source>
        <translation>Refuse all</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="55" />
        <source>A console screen could not be loaded ({module}): {error}</source>
        <translation>A console screen could not be loaded ({module}): {error}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>egovops — e-government network operations</source>
        <translation>egovops — e-government network operations</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="174" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>&amp;Inventory</source>
        <translation>&amp;Inventory</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="176" />
        <source>&amp;Device</source>
        <translation>&amp;Device</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="177" />
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178" />
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="179" />
        <source>&amp;Refresh now</source>
        <translation>&amp;Refresh now</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="180" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>&amp;Fit map</source>
        <translation>&amp;Fit map</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183" />
        <source>Intranet layer</source>
        <translation>Intranet layer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184" />
        <source>Extranet layer</source>
        <translation>Extranet layer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185" />
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186" />
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>Sound on new critical alarms</source>
        <translation>Sound on new critical alarms</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../map_legend.py" line="33" />
        <source>link under 50 % used</source>
        <translation>link under 50 % used</translation>
    </message>
    <message>
        <location filename="../map_legend.py" line="34" />
        <source>link 50–80 % used</source>
        <translation>link 50–80 % used</translation>
    </message>
    <message>
        <location filename="../map_legend.py" line="35" />
        <source>link over 80 % used</source>
        <translation>link over 80 % used</translation>
    </message>
    <message>
        <location filename="../map_legend.py" line="36" />
        <source>link down</source>
        <translation>link down</translation>
    </message>
    <message>
        <location filename="../map_legend.py" line="37" />
        <source>⚠ cross-network cable</source>
        <translation>⚠ cross-network cable</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../map_view.py" line="93" />
        <source>Find device…</source>
        <translation>Find device…</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="95" />
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="97" />
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="98" />
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="99" />
        <source>Fit the map to the window</source>
        <translation>Fit the map to the window</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="100" />
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="101" />
        <source>Show or hide the map legend</source>
        <translation>Show or hide the map legend</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="28" />
        <source>{state} (cut off by {root})</source>
        <translation>{state} (cut off by {root})</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="31" />
        <source>{days} d {hours} h</source>
        <translation>{days} d {hours} h</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="35" />
        <source>Address: {address}</source>
        <translation>Address: {address}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="36" />
        <source>Vendor/model: {vendor} {model}</source>
        <translation>Vendor/model: {vendor} {model}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="37" />
        <location filename="../map_tips.py" line="54" />
        <source>State: {state}</source>
        <translation>State: {state}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="38" />
        <source>Uptime: {uptime}</source>
        <translation>Uptime: {uptime}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="39" />
        <source>Owner unit: {unit}</source>
        <translation>Owner unit: {unit}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="40" />
        <source>Contact: {contact}</source>
        <translation>Contact: {contact}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="55" />
        <source>Speed: {speed}</source>
        <translation>Speed: {speed}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="56" />
        <source>Utilisation: {used}</source>
        <translation>Utilisation: {used}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="62" />
        <source>{device} ({network})</source>
        <translation>{device} ({network})</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="67" />
        <source>Cross-network cable</source>
        <translation>Cross-network cable</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="75" />
        <source>No alarm raised yet: the next topology check raises it.</source>
        <translation>No alarm raised yet: the next topology check raises it.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../signin_dialog.py" line="135" />
        <source>egovops — sign in</source>
        <translation>egovops — sign in</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="136" />
        <source>Sign in to the shared store</source>
        <translation>Sign in to the shared store</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="137" />
        <source>Several desks work on this store, so the console acts as a local account, not as the computer's user. {n} wrong passwords in a row lock the account for {minutes} minutes; every attempt is in the audit trail.</source>
        <translation>Several desks work on this store, so the console acts as a local account, not as the computer's user. {n} wrong passwords in a row lock the account for {minutes} minutes; every attempt is in the audit trail.</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="141" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../signin_dialog.py" line="65" />
        <source>Enter the account name and its password.</source>
        <translation>Enter the account name and its password.</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="69" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="90" />
        <source>&amp;Account:</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="91" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="92" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SiteTreeModel</name>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Unreachable</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="118" />
        <source>{path}: {state}, {total} devices</source>
        <translation>{path}: {state}, {total} devices</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <location filename="../states.py" line="32" />
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <location filename="../states.py" line="33" />
        <source>degraded</source>
        <translation>degraded</translation>
    </message>
    <message>
        <location filename="../states.py" line="34" />
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <location filename="../states.py" line="35" />
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <location filename="../states.py" line="36" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../states.py" line="43" />
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <location filename="../states.py" line="44" />
        <source>major</source>
        <translation>major</translation>
    </message>
    <message>
        <location filename="../states.py" line="45" />
        <source>minor</source>
        <translation>minor</translation>
    </message>
    <message>
        <location filename="../states.py" line="46" />
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../states.py" line="47" />
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../states.py" line="54" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../states.py" line="55" />
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <location filename="../states.py" line="56" />
        <source>cleared</source>
        <translation>cleared</translation>
    </message>
    <message>
        <location filename="../states.py" line="63" />
        <source>Intranet</source>
        <translation>Intranet</translation>
    </message>
    <message>
        <location filename="../states.py" line="64" />
        <source>Extranet</source>
        <translation>Extranet</translation>
    </message>
    <message>
        <location filename="../states.py" line="71" />
        <source>core</source>
        <translation>core</translation>
    </message>
    <message>
        <location filename="../states.py" line="72" />
        <source>aggregation</source>
        <translation>aggregation</translation>
    </message>
    <message>
        <location filename="../states.py" line="73" />
        <source>access</source>
        <translation>access</translation>
    </message>
    <message>
        <location filename="../states.py" line="74" />
        <source>firewall</source>
        <translation>firewall</translation>
    </message>
    <message>
        <location filename="../states.py" line="75" />
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <location filename="../states.py" line="76" />
        <source>storage</source>
        <translation>storage</translation>
    </message>
    <message>
        <location filename="../states.py" line="77" />
        <source>other</source>
        <translation>other</translation>
    </message>
<message>
        <location filename="../states.py" line="40" />
        <source>not monitored</source>
        <translation>not monitored</translation>
    </message>
    </context>
<context>
    <name>CollectorsPanel</name>
    <message>
        <location filename="../collectors_panel.py" line="80" />
        <source>The collectors could not be read: {error}</source>
        <translation>The collectors could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>Collector</source>
        <translation>Collector</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>Last cycle</source>
        <translation>Last cycle</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>Devices held</source>
        <translation>Devices held</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>Overruns</source>
        <translation>Overruns</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="85" />
        <source>Profiles missing</source>
        <translation>Profiles missing</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="88" />
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="88" />
        <source>stale: stopped reporting</source>
        <translation>stale: stopped reporting</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="88" />
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="98" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="111" />
        <source>Devices of this zone need these credential profiles, which the collector's keyring does not hold: their polls fail.</source>
        <translation>Devices of this zone need these credential profiles, which the collector's keyring does not hold: their polls fail.</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="120" />
        <source>Collectors live: {live}</source>
        <translation>Collectors live: {live}</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="122" />
        <source>; this desk's own store: its one poller watches every device</source>
        <translation>; this desk's own store: its one poller watches every device</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="124" />
        <source>; devices not monitored (no live collector holds them): {count}</source>
        <translation>; devices not monitored (no live collector holds them): {count}</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="126" />
        <source>; every device is held by a live collector</source>
        <translation>; every device is held by a live collector</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="130" />
        <source>{at} ({seconds:.1f} s)</source>
        <translation>{at} ({seconds:.1f} s)</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="131" />
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="133" />
        <source>everything</source>
        <translation>everything</translation>
    </message>
</context>
<context>
    <name>CollectorsScreen</name>
    <message>
        <location filename="../collectors_panel.py" line="166" />
        <source>Collectors</source>
        <translation>Collectors</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="169" />
        <source>Collectors…</source>
        <translation>Collectors…</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../events_page.py" line="86" />
        <source>unknown source {address}</source>
        <translation>unknown source {address}</translation>
    </message>
</context>
</TS>