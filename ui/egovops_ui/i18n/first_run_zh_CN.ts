<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="rn_BI">
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../first_run/panel.py" line="73" />
        <source>The store holds no devices yet</source>
        <translation>存储中还没有设备</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="74" />
        <source>The map fills in once the network is known. To get there:</source>
        <translation>网络信息录入后，地图即会显示。按以下步骤开始：</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="75" />
        <source>Import the inventory: the devices, their sites and networks, from a CSV or YAML file.</source>
        <translation>导入资产清单：从 CSV 或 YAML 文件导入设备及其站点和网络。</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="76" />
        <source>Add the credential profiles (SNMP and SSH) that the inventory names; secrets go to the system keyring.</source>
        <translation>添加资产清单引用的凭据配置（SNMP 和 SSH）；密钥只保存在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="77" />
        <source>Start polling: run {command} on the collector machine; the map shows each cycle as it ends.</source>
        <translation>开始轮询：在采集机上运行 {command}；每轮轮询结束后地图即时更新。</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="79" />
        <source>Import inventory…</source>
        <translation>导入资产清单…</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="80" />
        <source>Credential profiles…</source>
        <translation>凭据配置…</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="81" />
        <source>Or look around first: the demo province, simulated devices on this machine.</source>
        <translation>也可以先体验一下：演示省网络，设备由本机模拟。</translation>
    </message>
    <message>
        <location filename="../first_run/panel.py" line="82" />
        <source>Open the demo</source>
        <translation>打开演示</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <location filename="../first_run/screen.py" line="85" />
        <source>The demo console could not be started.</source>
        <translation>无法启动演示控制台。</translation>
    </message>
</context>
</TS>