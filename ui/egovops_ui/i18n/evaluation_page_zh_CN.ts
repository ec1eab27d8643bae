<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EvaluationPage</name>
    <message>
        <location filename="../evaluation_page/page.py" line="99" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="111" />
        <source>SLA target {sla}%</source>
        <translation>SLA 目标 {sla}%</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="113" />
        <source>{period}: {n} ranked, {majors} major incidents</source>
        <translation>{period}：{n} 个参与排名，重大故障 {majors} 起</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="120" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="120" />
        <source>Group</source>
        <translation>考核对象</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="120" />
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="120" />
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="137" />
        <source>The evaluation could not be computed: {error}</source>
        <translation>无法计算考核评价：{error}</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="149" />
        <source>Export the evaluation</source>
        <translation>导出考核评价</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="162" />
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="168" />
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="173" />
        <source>Export to {path} failed: {error}</source>
        <translation>导出到 {path} 失败：{error}</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="178" />
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="178" />
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="178" />
        <source>County</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="185" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../evaluation_page/page.py" line="186" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
</context>
<context>
    <name>EvaluationScreen</name>
    <message>
        <location filename="../evaluation_page/screen.py" line="41" />
        <source>Monthly evaluation</source>
        <translation>月度考核评价</translation>
    </message>
    <message>
        <location filename="../evaluation_page/screen.py" line="44" />
        <source>Monthly evaluation…</source>
        <translation>月度考核评价…</translation>
    </message>
</context>
</TS>