<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExportPanel</name>
    <message>
        <location filename="../reports_page/exporter.py" line="78" />
        <source>PDF report (*.pdf)</source>
        <translation>PDF 报告 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="78" />
        <source>PNG chart (*.png)</source>
        <translation>PNG 图表 (*.png)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="78" />
        <source>SVG chart (*.svg)</source>
        <translation>SVG 图表 (*.svg)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="79" />
        <source>CSV table for Excel (*.csv)</source>
        <translation>CSV 表格，供 Excel 使用 (*.csv)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="79" />
        <source>JSON data (*.json)</source>
        <translation>JSON 数据 (*.json)</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="80" />
        <source>Export availability report</source>
        <translation>导出可用性报告</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="99" />
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="106" />
        <source>%v of %m pages</source>
        <translation>第 %v 页，共 %m 页</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="121" />
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="127" />
        <source>Export to {path} failed: {error}</source>
        <translation>导出到 {path} 失败：{error}</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="130" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="137" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="138" />
        <source>PDF report…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="138" />
        <source>PNG chart…</source>
        <translation>PNG 图表…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="138" />
        <source>SVG chart…</source>
        <translation>SVG 图表…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="139" />
        <source>CSV table (Excel)…</source>
        <translation>CSV 表格（Excel）…</translation>
    </message>
    <message>
        <location filename="../reports_page/exporter.py" line="139" />
        <source>JSON data…</source>
        <translation>JSON 数据…</translation>
    </message>
</context>
<context>
    <name>ReportPickers</name>
    <message>
        <location filename="../reports_page/pickers.py" line="122" />
        <source>Period:</source>
        <translation>统计周期：</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="123" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="123" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="124" />
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="124" />
        <source>Custom range</source>
        <translation>自定义时段</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="125" />
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="125" />
        <source>County</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="125" />
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="126" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="126" />
        <source>Device role</source>
        <translation>设备角色</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="126" />
        <source>Protection level</source>
        <translation>等保级别</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="127" />
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="127" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="128" />
        <source>Availability by city</source>
        <translation>各市可用率</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="128" />
        <source>Daily heat map of the worst</source>
        <translation>可用率最低单位每日热力图</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="129" />
        <source>Monthly trend</source>
        <translation>月度趋势</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="133" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="134" />
        <source>Group by:</source>
        <translation>分组方式：</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="135" />
        <source>Service view</source>
        <translation>业务视角</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="136" />
        <source>Device view</source>
        <translation>设备视角</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="137" />
        <source>Was the device reachable from the operations centre</source>
        <translation>运维中心能否访问到该设备</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="138" />
        <source>Unreachable time caused by a failed upstream device is charged to that device</source>
        <translation>因上游设备故障造成的不可达时间计入该上游设备</translation>
    </message>
    <message>
        <location filename="../reports_page/pickers.py" line="139" />
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../reports_page/page.py" line="103" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../reports_page/page.py" line="134" />
        <source>{period} (time zone {zone}) · SLA target {sla}%</source>
        <translation>{period}（时区 {zone}）· SLA 目标 {sla}%</translation>
    </message>
    <message>
        <location filename="../reports_page/page.py" line="136" />
        <source>Whole network, {view}: availability {availability} (SLA {verdict}), {outages} outages, monitored coverage {coverage}, {devices} devices</source>
        <translation>全网，{view}：可用率 {availability}（SLA {verdict}），中断 {outages} 次，监测覆盖率 {coverage}，设备 {devices} 台</translation>
    </message>
    <message>
        <location filename="../reports_page/page.py" line="145" />
        <source>The report could not be computed: {error}</source>
        <translation>无法计算报表：{error}</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../reports_page/screen.py" line="40" />
        <source>Availability reports</source>
        <translation>可用性报表</translation>
    </message>
    <message>
        <location filename="../reports_page/screen.py" line="43" />
        <source>Availability reports…</source>
        <translation>可用性报表…</translation>
    </message>
</context>
</TS>