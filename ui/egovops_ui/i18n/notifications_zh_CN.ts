<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeliveryLogPage</name>
    <message>
        <location filename="../notifications/page.py" line="129" />
        <source>Queued again: the notifier sends it at its next pass.</source>
        <translation>已重新排队：通知程序将在下一轮发送。</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="144" />
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="151" />
        <source>Test message sent.</source>
        <translation>测试消息已发出。</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="160" />
        <source>alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="160" />
        <source>escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="160" />
        <source>recovery</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="161" />
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="161" />
        <source>pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="161" />
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="162" />
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="162" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="162" />
        <source>committing</source>
        <translation>提交中</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="164" />
        <source>uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="167" />
        <source>Alarm id:</source>
        <translation>告警编号：</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="168" />
        <source>all alarms</source>
        <translation>全部告警</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="169" />
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="170" />
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="171" />
        <source>Queue an uncertain or failed message again, with the same key</source>
        <translation>以相同的键重新排队不确定或失败的消息</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Recipient</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="173" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>Queued</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="174" />
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="175" />
        <source>Send a test message over</source>
        <translation>发送测试消息，渠道</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="176" />
        <source>to address (mail, phone…)</source>
        <translation>发往地址（邮箱、手机号…）</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="177" />
        <source>Send test message</source>
        <translation>发送测试消息</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../notifications/editors.py" line="173" />
        <location filename="../notifications/editors.py" line="213" />
        <location filename="../notifications/editors.py" line="219" />
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="177" />
        <source>Recipient saved.</source>
        <translation>接收人已保存。</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="183" />
        <source>Rule saved.</source>
        <translation>规则已保存。</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="188" />
        <source>Rota entry added.</source>
        <translation>值班安排已添加。</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="196" />
        <source>Rota entry ended.</source>
        <translation>值班安排已结束。</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="203" />
        <source>Removed.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="207" />
        <source>person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="207" />
        <source>group</source>
        <translation>群组</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="210" />
        <source>Recipients</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="210" />
        <source>Rules</source>
        <translation>通知规则</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="210" />
        <source>On-call rota</source>
        <translation>值班表</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="213" />
        <location filename="../notifications/editors.py" line="215" />
        <location filename="../notifications/editors.py" line="219" />
        <location filename="../notifications/editors.py" line="221" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="213" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="214" />
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="214" />
        <location filename="../notifications/editors.py" line="219" />
        <source>Desk name</source>
        <translation>值班台名称</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="214" />
        <location filename="../notifications/editors.py" line="220" />
        <source>Quiet hours</source>
        <translation>免打扰时段</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="215" />
        <location filename="../notifications/editors.py" line="221" />
        <source>Levels</source>
        <translation>各级接收人</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="215" />
        <location filename="../notifications/editors.py" line="221" />
        <source>Severities</source>
        <translation>告警级别</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="216" />
        <location filename="../notifications/editors.py" line="217" />
        <location filename="../notifications/editors.py" line="221" />
        <location filename="../notifications/editors.py" line="223" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="216" />
        <location filename="../notifications/editors.py" line="222" />
        <source>Escalate after (min)</source>
        <translation>升级等待（分钟）</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="217" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="217" />
        <location filename="../notifications/editors.py" line="223" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="217" />
        <location filename="../notifications/editors.py" line="223" />
        <source>Recipient</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="218" />
        <location filename="../notifications/editors.py" line="223" />
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="218" />
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="219" />
        <source>Group of</source>
        <translation>群组成员</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="220" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="230" />
        <source>mail=zhang@example.gov.cn; sms=13800000000</source>
        <translation>mail=zhang@example.gov.cn; sms=13800000000</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="231" />
        <source>names, comma-separated (a group)</source>
        <translation>名称，逗号分隔（群组）</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="233" />
        <source>oncall | oncall:2 | supervisor</source>
        <translation>oncall | oncall:2 | supervisor</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="234" />
        <source>critical, major (empty: any)</source>
        <translation>critical, major（留空：任意）</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="235" />
        <source>安徽省/合肥市 (empty: everywhere)</source>
        <translation>安徽省/合肥市（留空：全部）</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="236" />
        <source>Save recipient</source>
        <translation>保存接收人</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="236" />
        <location filename="../notifications/editors.py" line="237" />
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="237" />
        <source>Save rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="238" />
        <source>Put on call</source>
        <translation>安排值班</translation>
    </message>
    <message>
        <location filename="../notifications/editors.py" line="238" />
        <source>End selected now</source>
        <translation>立即结束所选</translation>
    </message>
</context>
<context>
    <name>NotificationsScreen</name>
    <message>
        <location filename="../notifications/screen.py" line="62" />
        <source>Notification settings</source>
        <translation>通知设置</translation>
    </message>
    <message>
        <location filename="../notifications/screen.py" line="65" />
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../notifications/screen.py" line="68" />
        <source>Notifications…</source>
        <translation>通知…</translation>
    </message>
    <message>
        <location filename="../notifications/screen.py" line="69" />
        <source>Notification settings…</source>
        <translation>通知设置…</translation>
    </message>
</context>
</TS>