<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../device_view/charts_panel.py" line="79" />
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="79" />
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="79" />
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="87" />
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="88" />
        <source>Interface:</source>
        <translation>接口：</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="95" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="114" />
        <source>Could not load the charts: {error}</source>
        <translation>无法加载图表：{error}</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="142" />
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="143" />
        <source>Memory %</source>
        <translation>内存 %</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="145" />
        <source>CPU and memory (%)</source>
        <translation>CPU 与内存（%）</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="152" />
        <source>in</source>
        <translation>入</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="153" />
        <source>out</source>
        <translation>出</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="155" />
        <source>Traffic of {interface} (Mbit/s)</source>
        <translation>{interface} 流量（Mbit/s）</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="161" />
        <source>hourly averages</source>
        <translation>小时平均值</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="161" />
        <source>every sample</source>
        <translation>全部采样点</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="162" />
        <source>{n} points, {kind}</source>
        <translation>{n} 个点，{kind}</translation>
    </message>
    <message>
        <location filename="../device_view/charts_panel.py" line="163" />
        <source>No samples stored for this period yet</source>
        <translation>该时段尚无采样数据</translation>
    </message>
</context>
<context>
    <name>CommandPanel</name>
    <message>
        <location filename="../device_view/command_panel.py" line="65" />
        <source>SSH profile:</source>
        <translation>SSH 凭据：</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="66" />
        <source>A command, e.g. display interface brief or show version</source>
        <translation>输入命令，例如 display interface brief 或 show version</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="67" />
        <source>Run</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="71" />
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="71" />
        <source>engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="72" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="72" />
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="90" />
        <source>No SSH credential profile exists yet: add one under credentials first.</source>
        <translation>尚无 SSH 凭据配置，请先在凭据管理中添加。</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="93" />
        <source>Your role ({role}) may send read-only commands only: {verbs}.</source>
        <translation>您的角色（{role}）只能执行只读命令：{verbs}。</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="96" />
        <source>Commands are sent as typed and recorded in the audit log.</source>
        <translation>命令按输入原样发送，并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="104" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>尚未识别当前操作员，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../device_view/command_panel.py" line="116" />
        <source>[{seconds:.1f} s, audit record {id}]</source>
        <translation>[{seconds:.1f} 秒，审计记录 {id}]</translation>
    </message>
</context>
<context>
    <name>ConfigPanel</name>
    <message>
        <location filename="../device_view/config_panel.py" line="92" />
        <source>Older:</source>
        <translation>旧版本：</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="93" />
        <source>Newer:</source>
        <translation>新版本：</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="94" />
        <source>Show differences</source>
        <translation>比较差异</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="95" />
        <source>Changes the device reported</source>
        <translation>设备报告的配置变更</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="96" />
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="96" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="96" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="121" />
        <source>none received (the device's syslog comes to the collector's receiver)</source>
        <translation>尚未收到（设备的 syslog 发往采集器的接收器）</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="134" />
        <source>v{n} — {time}</source>
        <translation>第 {n} 版 — {time}</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="140" />
        <source>No configuration stored yet: run the configuration backup procedure.</source>
        <translation>尚未保存配置，请先运行配置备份流程。</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="142" />
        <source>{n} versions stored</source>
        <translation>已保存 {n} 个版本</translation>
    </message>
    <message>
        <location filename="../device_view/config_panel.py" line="153" />
        <source>The two versions are identical.</source>
        <translation>两个版本完全相同。</translation>
    </message>
</context>
<context>
    <name>DeviceEventsPanel</name>
    <message>
        <location filename="../device_view/events_panel.py" line="38" />
        <source>Open in the Events tab</source>
        <translation>在事件标签页中打开</translation>
    </message>
</context>
<context>
    <name>DeviceView</name>
    <message>
        <location filename="../device_view/view.py" line="165" />
        <source>{device}: {error}</source>
        <translation>{device}：{error}</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="183" />
        <location filename="../device_view/view.py" line="201" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>尚未识别当前操作员，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="186" />
        <source>Polling {device}…</source>
        <translation>正在轮询 {device}…</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="193" />
        <source>Polled just now: {state}</source>
        <translation>刚刚轮询：{state}</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="204" />
        <source>Pinging {device}…</source>
        <translation>正在 Ping {device}…</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="210" />
        <source>ICMP echo</source>
        <translation>ICMP 回显</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="210" />
        <source>SNMP sysUpTime</source>
        <translation>SNMP sysUpTime</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="212" />
        <source>{device} answered {method} in {ms:.1f} ms</source>
        <translation>{device} 响应了 {method}，用时 {ms:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="215" />
        <source>{device} did not answer {method}: {detail}</source>
        <translation>{device} 未响应 {method}：{detail}</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="226" />
        <source>On every device of {city}</source>
        <translation>在{city}的所有设备上</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="227" />
        <source>On every device of its city</source>
        <translation>在其所在城市的所有设备上</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="233" />
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="234" />
        <source>On this device</source>
        <translation>在本设备上</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="236" />
        <source>Poll now</source>
        <translation>立即轮询</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="237" />
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="238" />
        <source>Run a procedure…</source>
        <translation>运行流程…</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="239" />
        <source>Interfaces</source>
        <translation>接口</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="239" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="239" />
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="240" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="240" />
        <source>Configurations</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../device_view/view.py" line="240" />
        <source>Events</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>DeviceViewScreen</name>
    <message>
        <location filename="../device_view/screen.py" line="31" />
        <source>Open device…</source>
        <translation>打开设备…</translation>
    </message>
    <message>
        <location filename="../device_view/screen.py" line="45" />
        <location filename="../device_view/screen.py" line="50" />
        <source>Open device</source>
        <translation>打开设备</translation>
    </message>
    <message>
        <location filename="../device_view/screen.py" line="45" />
        <source>Device name:</source>
        <translation>设备名称：</translation>
    </message>
    <message>
        <location filename="../device_view/screen.py" line="50" />
        <source>No device is named {name}.</source>
        <translation>没有名为 {name} 的设备。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../device_view/history_panel.py" line="53" />
        <source>Recent state changes</source>
        <translation>最近状态变化</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="54" />
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="55" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="55" />
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="55" />
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="55" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="56" />
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../device_view/history_panel.py" line="63" />
        <source>cut off by {device}</source>
        <translation>因 {device} 故障而不可达</translation>
    </message>
</context>
<context>
    <name>InterfacesModel</name>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>Interface</source>
        <translation>接口</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>Admin</source>
        <translation>管理状态</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>Oper</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>Speed</source>
        <translation>速率</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="31" />
        <source>In</source>
        <translation>入流量</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>Out</source>
        <translation>出流量</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>Errors</source>
        <translation>错包</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>Discards</source>
        <translation>丢包</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>LLDP neighbour</source>
        <translation>LLDP 邻居</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="32" />
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="38" />
        <source>down while admin up</source>
        <translation>管理开启但链路中断</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="38" />
        <source>errors</source>
        <translation>有错包</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="39" />
        <source>neighbour lost</source>
        <translation>邻居丢失</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>up</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>down</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>testing</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="43" />
        <source>dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="44" />
        <source>not present</source>
        <translation>不存在</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_model.py" line="44" />
        <source>lower layer down</source>
        <translation>下层中断</translation>
    </message>
</context>
<context>
    <name>InterfacesPanel</name>
    <message>
        <location filename="../device_view/interfaces_panel.py" line="47" />
        <source>Filter: interface, description, neighbour…</source>
        <translation>筛选：接口、描述、邻居…</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_panel.py" line="48" />
        <source>Only interfaces at fault</source>
        <translation>仅显示故障接口</translation>
    </message>
    <message>
        <location filename="../device_view/interfaces_panel.py" line="76" />
        <source>{shown} of {total} interfaces, {faults} at fault</source>
        <translation>显示 {shown} / {total} 个接口，{faults} 个故障</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../device_view/summary_panel.py" line="45" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="45" />
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="45" />
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="45" />
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="46" />
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="46" />
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="46" />
        <source>CPU / memory</source>
        <translation>CPU / 内存</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="47" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="47" />
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="47" />
        <source>Boards</source>
        <translation>单板</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="48" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="48" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="48" />
        <source>Security domain</source>
        <translation>安全域</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="49" />
        <source>Protection level</source>
        <translation>等保级别</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="49" />
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="50" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="50" />
        <source>Credential profile</source>
        <translation>凭据配置</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="54" />
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="61" />
        <source>since {time}</source>
        <translation>自 {time} 起</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="68" />
        <source>{value} (discovered)</source>
        <translation>{value}（轮询发现）</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="79" />
        <source>level {n}</source>
        <translation>第 {n} 级</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="83" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../device_view/summary_panel.py" line="90" />
        <source>{board}: CPU {cpu}, memory {memory}{temperature}</source>
        <translation>{board}：CPU {cpu}，内存 {memory}{temperature}</translation>
    </message>
</context>
</TS>