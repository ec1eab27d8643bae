<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmDesk</name>
    <message>
        <location filename="../alarm_desk.py" line="98" />
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="99" />
        <source>All networks</source>
        <translation>全部网络</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="109" />
        <source>Filter: device, site, message, unit…</source>
        <translation>筛选：设备、站点、消息、单位…</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="110" />
        <source>Fold under root cause</source>
        <translation>按根因折叠</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="111" />
        <location filename="../alarm_desk.py" line="208" />
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="112" />
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="113" />
        <source>No sound for new critical alarms</source>
        <translation>新的紧急告警不发声</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="191" />
        <source>Acknowledge alarms</source>
        <translation>确认告警</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="192" />
        <source>Comment (recorded with your name):</source>
        <translation>备注（将与您的姓名一起记录）：</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="206" />
        <source>Open device</source>
        <translation>打开设备</translation>
    </message>
    <message>
        <location filename="../alarm_desk.py" line="207" />
        <source>Show on map</source>
        <translation>在地图上显示</translation>
    </message>
</context>
<context>
    <name>AlarmNotifier</name>
    <message>
        <location filename="../notifier.py" line="81" />
        <source>{n} new critical alarm(s)</source>
        <translation>{n} 条新的紧急告警</translation>
    </message>
</context>
<context>
    <name>AlarmTableModel</name>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="62" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>First seen</source>
        <translation>首次发生</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>Last seen</source>
        <translation>最近发生</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="63" />
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="64" />
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="64" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="83" />
        <source>{state} (+{n} folded)</source>
        <translation>{state}（折叠 {n} 条）</translation>
    </message>
    <message>
        <location filename="../alarm_model.py" line="116" />
        <source>Acknowledged by {who}: {comment}</source>
        <translation>{who} 已确认：{comment}</translation>
    </message>
</context>
<context>
    <name>ConsoleLock</name>
    <message>
        <location filename="../lock_screen.py" line="120" />
        <source>&amp;Lock console</source>
        <translation>锁定控制台(&amp;L)</translation>
    </message>
    <message>
        <location filename="../lock_screen.py" line="121" />
        <source>Console locked</source>
        <translation>控制台已锁定</translation>
    </message>
    <message>
        <location filename="../lock_screen.py" line="124" />
        <source>Locked by {name} at {time}. Enter its password to go on, or sign in with another account to take the desk over.</source>
        <translation>{name} 于 {time} 锁定。输入该账户的密码继续，或用其他账户登录以接管本席位。</translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <location filename="../session.py" line="143" />
        <source>Cannot acknowledge yet: the operator is not known</source>
        <translation>暂不能确认：尚未识别操作员</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <location filename="../status_bar.py" line="31" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="35" />
        <source>Devices: {up} up, {down} down, {unreachable} unreachable, {degraded} degraded</source>
        <translation>设备：{up} 正常，{down} 故障，{unreachable} 不可达，{degraded} 性能下降</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="40" />
        <source>No poll cycle yet</source>
        <translation>尚无轮询周期</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="42" />
        <source>No poller has written for {minutes} min: last cycle {at}</source>
        <translation>已 {minutes} 分钟无轮询写入：最近一次周期 {at}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="46" />
        <source>Last cycle {at}: {seconds:.1f} s, {failed} of {devices} failed</source>
        <translation>最近周期 {at}：{seconds:.1f} 秒，{devices} 台中 {failed} 台失败</translation>
    </message>
<message>
        <location filename="../status_bar.py" line="51" />
        <source>, {unmonitored} not monitored</source>
        <translation>，{unmonitored} 台未监控</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="71" />
        <source> (by {name} on {host})</source>
        <translation>（由 {host} 上的 {name} 写入）</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="83" />
        <source>Collectors stopped reporting: {names}</source>
        <translation>采集器已停止上报：{names}</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../events_page.py" line="147" />
        <source>trap</source>
        <translation>陷阱</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="147" />
        <source>syslog</source>
        <translation>系统日志</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="150" />
        <source>critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="150" />
        <source>major</source>
        <translation>重要</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="150" />
        <source>minor</source>
        <translation>次要</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="151" />
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="151" />
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="173" />
        <source>events: {count}</source>
        <translation>事件：{count} 条</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="180" />
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="180" />
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="180" />
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="181" />
        <source>Search:</source>
        <translation>搜索：</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="183" />
        <source>name or address</source>
        <translation>名称或地址</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="184" />
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="188" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="195" />
        <source>last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="195" />
        <source>last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="195" />
        <source>last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="196" />
        <source>last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="196" />
        <source>last 180 days</source>
        <translation>最近 180 天</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="200" />
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="200" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="200" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="200" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="201" />
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="201" />
        <source>Mnemonic</source>
        <translation>助记符</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="201" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="201" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <location filename="../events_page.py" line="230" />
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../events_page.py" line="233" />
        <source>Events (traps and syslog)…</source>
        <translation>事件（陷阱和系统日志）…</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../help_menu.py" line="50" />
        <source>Documentation: {path}</source>
        <translation>文档：{path}</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="51" />
        <source>No documentation is installed with this copy.</source>
        <translation>本副本未附带文档。</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="52" />
        <source>egovops {version} — operations console for the provincial e-government network.</source>
        <translation>egovops {version} — 省级电子政务网络运维控制台。</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="56" />
        <source>About egovops</source>
        <translation>关于 egovops</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="67" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="68" />
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../help_menu.py" line="69" />
        <source>&amp;About egovops</source>
        <translation>关于 egovops(&amp;A)</translation>
    </message>
</context>
<context>
    <name>HostKeyPrompt</name>
    <message>
        <location filename="../host_key_prompt.py" line="99" />
        <source>Unknown SSH host key</source>
        <translation>未知的 SSH 主机密钥</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="101" />
        <source>The device {device} ({host}, port {port}) presented a host key this console has never seen.</source>
        <translation>设备 {device}（{host}，端口 {port}）出示了本控制台从未见过的主机密钥。</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="103" />
        <source>Key type: {kind}
Fingerprint: {fingerprint}

Compare the fingerprint with the one shown on the device's console before you trust it. Trust and remember this key?</source>
        <translation>密钥类型：{kind}
指纹：{fingerprint}

信任之前，请与设备控制台上显示的指纹核对。信任并记住此密钥吗？</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="108" />
        <source>Trust and remember</source>
        <translation>信任并记住</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="109" />
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>HostKeysDialog</name>
    <message>
        <location filename="../host_key_prompt.py" line="138" />
        <source>Unknown SSH host keys</source>
        <translation>未知的 SSH 主机密钥</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="140" />
        <source>{n} devices presented host keys this console has never seen. Compare each fingerprint with the one shown on the device's console, then trust the keys. No device is logged in to before you answer.</source>
        <translation>{n} 台设备出示了本控制台从未见过的主机密钥。请将每个指纹与设备控制台上显示的指纹核对后再信任。在您答复之前不会登录任何设备。</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="145" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="145" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="145" />
        <source>Key type</source>
        <translation>密钥类型</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="146" />
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="160" />
        <source>Trust all shown</source>
        <translation>信任列出的全部密钥</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="162" />
        <source>Trust the ticked</source>
        <translation>信任勾选的密钥</translation>
    </message>
    <message>
        <location filename="../host_key_prompt.py" line="164" />
        <source>Refuse all</source>
        <translation>全部拒绝</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="55" />
        <source>A console screen could not be loaded ({module}): {error}</source>
        <translation>控制台界面未能加载（{module}）：{error}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>egovops — e-government network operations</source>
        <translation>egovops — 电子政务网络运维</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="174" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>&amp;Inventory</source>
        <translation>资产(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="176" />
        <source>&amp;Device</source>
        <translation>设备(&amp;D)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="177" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178" />
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="179" />
        <source>&amp;Refresh now</source>
        <translation>立即刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="180" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>&amp;Fit map</source>
        <translation>地图适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183" />
        <source>Intranet layer</source>
        <translation>内网图层</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184" />
        <source>Extranet layer</source>
        <translation>外网图层</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185" />
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186" />
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>Sound on new critical alarms</source>
        <translation>新紧急告警时发出声音</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../map_legend.py" line="33" />
        <source>link under 50 % used</source>
        <translation>链路利用率低于 50%</translation>
    </message>
    <message>
        <location filename="../map_legend.py" line="34" />
        <source>link 50–80 % used</source>
        <translation>链路利用率 50–80%</translation>
    </message>
    <message>
        <location filename="../map_legend.py" line="35" />
        <source>link over 80 % used</source>
        <translation>链路利用率高于 80%</translation>
    </message>
    <message>
        <location filename="../map_legend.py" line="36" />
        <source>link down</source>
        <translation>链路中断</translation>
    </message>
    <message>
        <location filename="../map_legend.py" line="37" />
        <source>⚠ cross-network cable</source>
        <translation>⚠ 内外网串接线缆</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../map_view.py" line="93" />
        <source>Find device…</source>
        <translation>查找设备…</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="95" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="97" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="98" />
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="99" />
        <source>Fit the map to the window</source>
        <translation>使地图适应窗口</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="100" />
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="101" />
        <source>Show or hide the map legend</source>
        <translation>显示或隐藏地图图例</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="28" />
        <source>{state} (cut off by {root})</source>
        <translation>{state}（因 {root} 故障而中断）</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="31" />
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="35" />
        <source>Address: {address}</source>
        <translation>地址：{address}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="36" />
        <source>Vendor/model: {vendor} {model}</source>
        <translation>厂商/型号：{vendor} {model}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="37" />
        <location filename="../map_tips.py" line="54" />
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="38" />
        <source>Uptime: {uptime}</source>
        <translation>运行时间：{uptime}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="39" />
        <source>Owner unit: {unit}</source>
        <translation>责任单位：{unit}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="40" />
        <source>Contact: {contact}</source>
        <translation>联系人：{contact}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="55" />
        <source>Speed: {speed}</source>
        <translation>速率：{speed}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="56" />
        <source>Utilisation: {used}</source>
        <translation>利用率：{used}</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="62" />
        <source>{device} ({network})</source>
        <translation>{device}（{network}）</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="67" />
        <source>Cross-network cable</source>
        <translation>内外网串接线缆</translation>
    </message>
    <message>
        <location filename="../map_tips.py" line="75" />
        <source>No alarm raised yet: the next topology check raises it.</source>
        <translation>尚未产生告警：下次拓扑检查时产生。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../signin_dialog.py" line="135" />
        <source>egovops — sign in</source>
        <translation>egovops — 登录</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="136" />
        <source>Sign in to the shared store</source>
        <translation>登录共享数据库</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="137" />
        <source>Several desks work on this store, so the console acts as a local account, not as the computer's user. {n} wrong passwords in a row lock the account for {minutes} minutes; every attempt is in the audit trail.</source>
        <translation>多个席位共用此数据库，控制台以本地账户而非本机操作系统用户的身份工作。连续 {n} 次密码错误将锁定账户 {minutes} 分钟；每次尝试都记入审计日志。</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="141" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../signin_dialog.py" line="65" />
        <source>Enter the account name and its password.</source>
        <translation>请输入账户名和密码。</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="69" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="90" />
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="91" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../signin_dialog.py" line="92" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>SiteTreeModel</name>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Down</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Degraded</source>
        <translation>性能下降</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="98" />
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <location filename="../site_tree.py" line="118" />
        <source>{path}: {state}, {total} devices</source>
        <translation>{path}：{state}，共 {total} 台设备</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <location filename="../states.py" line="32" />
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../states.py" line="33" />
        <source>degraded</source>
        <translation>性能下降</translation>
    </message>
    <message>
        <location filename="../states.py" line="34" />
        <source>down</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../states.py" line="35" />
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <location filename="../states.py" line="36" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../states.py" line="43" />
        <source>critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../states.py" line="44" />
        <source>major</source>
        <translation>重要</translation>
    </message>
    <message>
        <location filename="../states.py" line="45" />
        <source>minor</source>
        <translation>次要</translation>
    </message>
    <message>
        <location filename="../states.py" line="46" />
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../states.py" line="47" />
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../states.py" line="54" />
        <source>open</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../states.py" line="55" />
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../states.py" line="56" />
        <source>cleared</source>
        <translation>已清除</translation>
    </message>
    <message>
        <location filename="../states.py" line="63" />
        <source>Intranet</source>
        <translation>电子政务内网</translation>
    </message>
    <message>
        <location filename="../states.py" line="64" />
        <source>Extranet</source>
        <translation>电子政务外网</translation>
    </message>
    <message>
        <location filename="../states.py" line="71" />
        <source>core</source>
        <translation>核心</translation>
    </message>
    <message>
        <location filename="../states.py" line="72" />
        <source>aggregation</source>
        <translation>汇聚</translation>
    </message>
    <message>
        <location filename="../states.py" line="73" />
        <source>access</source>
        <translation>接入</translation>
    </message>
    <message>
        <location filename="../states.py" line="74" />
        <source>firewall</source>
        <translation>防火墙</translation>
    </message>
    <message>
        <location filename="../states.py" line="75" />
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../states.py" line="76" />
        <source>storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <location filename="../states.py" line="77" />
        <source>other</source>
        <translation>其他</translation>
    </message>
<message>
        <location filename="../states.py" line="40" />
        <source>not monitored</source>
        <translation>未监控</translation>
    </message>
    </context>
<context>
    <name>CollectorsPanel</name>
    <message>
        <location filename="../collectors_panel.py" line="80" />
        <source>The collectors could not be read: {error}</source>
        <translation>无法读取采集器：{error}</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>Collector</source>
        <translation>采集器</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="83" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>Last cycle</source>
        <translation>最近一轮</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>Devices held</source>
        <translation>持有设备</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>Overruns</source>
        <translation>超时轮次</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="84" />
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="85" />
        <source>Profiles missing</source>
        <translation>缺少的凭据配置</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="88" />
        <source>live</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="88" />
        <source>stale: stopped reporting</source>
        <translation>陈旧：已停止上报</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="88" />
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="98" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="111" />
        <source>Devices of this zone need these credential profiles, which the collector's keyring does not hold: their polls fail.</source>
        <translation>本区域的设备需要这些凭据配置，但该采集器所在主机的密钥环中没有：这些设备的轮询会失败。</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="120" />
        <source>Collectors live: {live}</source>
        <translation>在线采集器：{live} 个</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="122" />
        <source>; this desk's own store: its one poller watches every device</source>
        <translation>；本席位自带的存储：由它唯一的轮询器监控全部设备</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="124" />
        <source>; devices not monitored (no live collector holds them): {count}</source>
        <translation>；未监控设备（无在线采集器持有）：{count} 台</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="126" />
        <source>; every device is held by a live collector</source>
        <translation>；每台设备都由在线采集器持有</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="130" />
        <source>{at} ({seconds:.1f} s)</source>
        <translation>{at}（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="131" />
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="133" />
        <source>everything</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>CollectorsScreen</name>
    <message>
        <location filename="../collectors_panel.py" line="166" />
        <source>Collectors</source>
        <translation>采集器</translation>
    </message>
    <message>
        <location filename="../collectors_panel.py" line="169" />
        <source>Collectors…</source>
        <translation>采集器…</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../events_page.py" line="86" />
        <source>unknown source {address}</source>
        <translation>未知来源 {address}</translation>
    </message>
</context>
</TS>