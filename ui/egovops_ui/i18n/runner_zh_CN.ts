<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditRecordDialog</name>
    <message>
        <location filename="../runner/audit_dialog.py" line="53" />
        <source>Audit record {id}</source>
        <translation>审计记录 {id}</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="55" />
        <source>Record</source>
        <translation>记录号</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="55" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="55" />
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="55" />
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="56" />
        <source>Procedure</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="56" />
        <source>Output digest</source>
        <translation>输出摘要</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="56" />
        <source>Chain hash</source>
        <translation>链哈希</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="62" />
        <source>The audit trail's hash chain is broken: {problems}</source>
        <translation>审计日志的哈希链已被破坏：{problems}</translation>
    </message>
    <message>
        <location filename="../runner/audit_dialog.py" line="65" />
        <source>The audit trail's hash chain verifies, this record included.</source>
        <translation>审计日志哈希链校验通过（含本条记录）。</translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <location filename="../runner/param_form.py" line="121" />
        <source>Required: give a value.</source>
        <translation>必填：请输入一个值。</translation>
    </message>
    <message>
        <location filename="../runner/param_form.py" line="152" />
        <source>This procedure takes no parameters.</source>
        <translation>此作业没有参数。</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="106" />
        <source>Seconds</source>
        <translation>耗时（秒）</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <location filename="../runner/results_pane.py" line="86" />
        <source>Running {name}…</source>
        <translation>正在执行{name}…</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="121" />
        <source>{name} finished: {ok} ok, {failed} failed, {skipped} skipped.</source>
        <translation>{name}已完成：成功 {ok}，失败 {failed}，跳过 {skipped}。</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="123" />
        <source>Dry run: no device was contacted.</source>
        <translation>试运行：未连接任何设备。</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="125" />
        <source>Cancelled by the operator.</source>
        <translation>已被操作员取消。</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="138" />
        <source>Audit record</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="140" />
        <source>Audit record {id}</source>
        <translation>审计记录 {id}</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="143" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="144" />
        <source>Select a device to see its whole result.</source>
        <translation>选择一台设备以查看其完整结果。</translation>
    </message>
    <message>
        <location filename="../runner/results_pane.py" line="145" />
        <source>Failures only</source>
        <translation>只看失败</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <location filename="../runner/risk.py" line="14" />
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="15" />
        <source>changes the configuration</source>
        <translation>修改配置</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="16" />
        <source>disruptive</source>
        <translation>可能中断业务</translation>
    </message>
</context>
<context>
    <name>RunnerPanel</name>
    <message>
        <location filename="../runner/panel.py" line="166" />
        <source>Confirm the procedure</source>
        <translation>确认执行作业</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="168" />
        <source>{name} ({risk}) changes the devices it runs on. Devices: {n}.</source>
        <translation>{name}（{risk}）会改动所执行的设备。设备数：{n}。</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="170" />
        <source>Targets: {selector}
Run it now? Consider a dry run first.</source>
        <translation>目标：{selector}
现在执行吗？建议先试运行。</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="173" />
        <source>Run</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="174" />
        <source>Do not run</source>
        <translation>不执行</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="210" />
        <source>Cancelling: devices already started finish, the others are skipped…</source>
        <translation>正在取消：已开始的设备将完成，其余设备跳过…</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="234" />
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="234" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../runner/panel.py" line="243" />
        <source>Results exported to {path} (rows: {n})</source>
        <translation>结果已导出到 {path}（{n} 行）</translation>
    </message>
</context>
<context>
    <name>RunnerRoles</name>
    <message>
        <location filename="../runner/risk.py" line="27" />
        <source>operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="28" />
        <source>engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="29" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../runner/risk.py" line="30" />
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>RunnerScreen</name>
    <message>
        <location filename="../runner/screen.py" line="57" />
        <source>Procedures</source>
        <translation>运维作业</translation>
    </message>
    <message>
        <location filename="../runner/screen.py" line="60" />
        <source>Run &amp;procedure…</source>
        <translation>执行运维作业(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>RunnerStatus</name>
    <message>
        <location filename="../runner/results_model.py" line="22" />
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="23" />
        <source>running</source>
        <translation>执行中</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="24" />
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="25" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../runner/results_model.py" line="26" />
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>SetupPane</name>
    <message>
        <location filename="../runner/setup_pane.py" line="129" />
        <source>Risk: {risk} — needs the {role} role</source>
        <translation>风险：{risk} — 需要{role}角色</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="142" />
        <source>Devices to work on: {n}</source>
        <translation>将执行的设备：{n} 台</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="144" />
        <source>; skipped, not supported by this procedure: {n}</source>
        <translation>；此作业不支持而跳过：{n} 台</translation>
    </message>
    <message>
        <source>(each device's own profile)</source>
        <translation type="vanished">（各设备自身的凭据配置）</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="33" />
        <source>Choose a procedure</source>
        <translation>请选择作业</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="161" />
        <source>(automatic: the device's own, else the only one of this kind)</source>
        <translation>（自动：设备自身的配置，否则用该类型唯一的配置）</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="165" />
        <source>Procedure</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="166" />
        <source>Targets</source>
        <translation>目标设备</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="167" />
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="168" />
        <source>e.g. site:安徽省/合肥市 vendor:huawei, or device names</source>
        <translation>例如 site:安徽省/合肥市 vendor:huawei，或设备名称</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="169" />
        <source>Names (wildcards allowed) or key:value with key name, site, network, role, vendor, tag; the same key twice means either, different keys must all hold; 'all' for every device.</source>
        <translation>设备名称（可用通配符）或 key:value，key 为 name、site、network、role、vendor、tag；同一 key 出现两次表示“或”，不同 key 须同时满足；all 表示全部设备。</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="171" />
        <source>Use the selected site</source>
        <translation>使用所选站点</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="172" />
        <source>Their whole city</source>
        <translation>所在城市的全部设备</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="173" />
        <source>Every device in the city of each device chosen now</source>
        <translation>当前所选每台设备所在城市的全部设备</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="174" />
        <source>SSH profile</source>
        <translation>SSH 凭据</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="175" />
        <source>SNMP profile</source>
        <translation>SNMP 凭据</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="176" />
        <source>Dry run (contact no device)</source>
        <translation>试运行（不连接设备）</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="177" />
        <source>Run</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../runner/setup_pane.py" line="178" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>