<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeliveryLogPage</name>
    <message>
        <location filename="../notifications/page.py" line="114" />
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="121" />
        <source>Test message sent.</source>
        <translation>测试消息已发出。</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="130" />
        <source>alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="130" />
        <source>escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="130" />
        <source>recovery</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="131" />
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="131" />
        <source>pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="131" />
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="132" />
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="132" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="135" />
        <source>Alarm id:</source>
        <translation>告警编号：</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="136" />
        <source>all alarms</source>
        <translation>全部告警</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="137" />
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Recipient</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="139" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>Queued</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="140" />
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="141" />
        <source>Send a test message over</source>
        <translation>发送测试消息，渠道</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="142" />
        <source>to address (mail, phone…)</source>
        <translation>发往地址（邮箱、手机号…）</translation>
    </message>
    <message>
        <location filename="../notifications/page.py" line="143" />
        <source>Send test message</source>
        <translation>发送测试消息</translation>
    </message>
</context>
<context>
    <name>NotificationsScreen</name>
    <message>
        <location filename="../notifications/screen.py" line="41" />
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../notifications/screen.py" line="44" />
        <source>Notifications…</source>
        <translation>通知…</translation>
    </message>
</context>
</TS>