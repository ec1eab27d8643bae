<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DutyLogPage</name>
    <message>
        <location filename="../duty_log/page.py" line="127" />
        <source>Waiting to learn who is operating…</source>
        <translation>正在确认当前操作员…</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="132" />
        <source>Nobody is on duty. Start your shift to take notes.</source>
        <translation>当前无人值班。开始值班后即可记录。</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="134" />
        <source>On duty: %1 (%2) since %3 — shift %4</source>
        <translation>值班人：%1（%2），自 %3 起 — 班次 %4</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="138" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="150" />
        <source>No shift has been started yet: there is nothing to hand over.</source>
        <translation>还没有开始过任何班次：暂无交接内容。</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="181" />
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="181" />
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="181" />
        <source>CSV (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="183" />
        <source>Export handover summary</source>
        <translation>导出交接摘要</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="195" />
        <source>Handover summary exported to %1</source>
        <translation>交接摘要已导出到 %1</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="202" />
        <source>Start my shift</source>
        <translation>开始我的值班</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="203" />
        <source>Take over the shift</source>
        <translation>接管该班次</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="204" />
        <source>End the shift</source>
        <translation>结束值班</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="206" />
        <source>Handover summary</source>
        <translation>交接摘要</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="207" />
        <source>Shift:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="208" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../duty_log/page.py" line="209" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>DutyLogScreen</name>
    <message>
        <location filename="../duty_log/screen.py" line="63" />
        <source>Handover: the summary of shift %1 by %2 is in the Duty log tab</source>
        <translation>交接：%2 的班次 %1 的摘要已在“值班日志”标签页中打开</translation>
    </message>
    <message>
        <location filename="../duty_log/screen.py" line="78" />
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../duty_log/screen.py" line="81" />
        <source>Duty log…</source>
        <translation>值班日志…</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../duty_log/notes_panel.py" line="48" />
        <source>Notes of the open shift</source>
        <translation>本班次值班记录</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="49" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="49" />
        <source>Author</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="49" />
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="50" />
        <source>What the next engineer should know…</source>
        <translation>需要告诉下一班工程师的事项…</translation>
    </message>
    <message>
        <location filename="../duty_log/notes_panel.py" line="51" />
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
</context>
</TS>