<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../dr_page/page.py" line="84"/>
        <source>Drift: %1 and %2</source>
        <translation>配置漂移：%1 与 %2</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="88"/>
        <source>No drift: the compared lines are the same.</source>
        <translation>无漂移：比对的配置行一致。</translation>
    </message>
</context>
<context>
    <name>DrPage</name>
    <message>
        <location filename="../dr_page/page.py" line="165"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="166"/>
        <location filename="../dr_page/page.py" line="171"/>
        <source>Centres</source>
        <translation>中心</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="167"/>
        <source>Inter-centre links</source>
        <translation>中心间链路</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="168"/>
        <source>Configuration drift between DR peers</source>
        <translation>灾备对端之间的配置漂移</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="169"/>
        <source>Verdict over the month</source>
        <translation>本月结论变化</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="170"/>
        <source>Show the differences…</source>
        <translation>查看差异…</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="171"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="171"/>
        <source>Link</source>
        <translation>链路</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="172"/>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="172"/>
        <source>Headroom</source>
        <translation>余量</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="172"/>
        <source>Latency / jitter</source>
        <translation>时延 / 抖动</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="173"/>
        <source>Loss</source>
        <translation>丢包率</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="174"/>
        <source>Differing lines</source>
        <translation>差异行数</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="174"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="174"/>
        <source>DR peer</source>
        <translation>灾备对端</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="175"/>
        <source>Device backup</source>
        <translation>设备备份</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="175"/>
        <source>Peer backup</source>
        <translation>对端备份</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="176"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="176"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="176"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="206"/>
        <source>DR readiness: %1</source>
        <translation>灾备就绪度：%1</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="208"/>
        <source>Nothing stands in the way.</source>
        <translation>无影响就绪的问题。</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="213"/>
        <location filename="../dr_page/page.py" line="232"/>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="223"/>
        <source>Last drill: none recorded</source>
        <translation>最近演练：无记录</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="225"/>
        <source>Last drill: %1 to %2, %3, over %4. %5</source>
        <translation>最近演练：%1 至 %2，%3，范围 %4。%5</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="237"/>
        <source>no backup</source>
        <translation>无备份</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="251"/>
        <source>Verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="252"/>
        <source>Core and aggregation up: %1 of %2</source>
        <translation>核心与汇聚正常：%1 / %2</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="254"/>
        <source>Redundant pairs whole: %1 of %2</source>
        <translation>冗余对完好：%1 / %2</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="256"/>
        <source>Uplinks up: %1 of %2</source>
        <translation>上联正常：%1 / %2</translation>
    </message>
    <message>
        <location filename="../dr_page/page.py" line="260"/>
        <source>Not up: %1</source>
        <translation>不可用：%1</translation>
    </message>
</context>
<context>
    <name>DrScreen</name>
    <message>
        <location filename="../dr_page/screen.py" line="38"/>
        <source>DR readiness</source>
        <translation>灾备就绪度</translation>
    </message>
    <message>
        <location filename="../dr_page/screen.py" line="41"/>
        <source>DR readiness…</source>
        <translation>灾备就绪度…</translation>
    </message>
</context>
</TS>
