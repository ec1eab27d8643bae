<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="183" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="197" />
        <source>Edit device {name}</source>
        <translation>编辑设备 {name}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="197" />
        <source>Add device</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="199" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="199" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="199" />
        <source>SNMP port</source>
        <translation>SNMP 端口</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="200" />
        <source>SSH port</source>
        <translation>SSH 端口</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="200" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="200" />
        <source>Site (choose in the tree)</source>
        <translation>站点（在树中选择）</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="201" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="201" />
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="201" />
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="202" />
        <source>Security domain</source>
        <translation>安全域</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="202" />
        <source>Protection level</source>
        <translation>等保级别</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="203" />
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="203" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="204" />
        <source>Credential profile</source>
        <translation>凭据配置</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="204" />
        <source>Tags (separated by ;)</source>
        <translation>标签（以 ; 分隔）</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="209" />
        <source>core</source>
        <translation>核心</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="209" />
        <source>aggregation</source>
        <translation>汇聚</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="209" />
        <source>access</source>
        <translation>接入</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="210" />
        <source>firewall</source>
        <translation>防火墙</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="210" />
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="210" />
        <source>storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="210" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>not graded</source>
        <translation>未定级</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>level 1</source>
        <translation>第一级</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>level 2</source>
        <translation>第二级</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>level 3</source>
        <translation>第三级</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="214" />
        <source>level 4</source>
        <translation>第四级</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="217" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="219" />
        <source>{name} (not defined yet)</source>
        <translation>{name}（尚未定义）</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="220" />
        <source>intranet (电子政务内网)</source>
        <translation>电子政务内网</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="220" />
        <source>extranet (电子政务外网)</source>
        <translation>电子政务外网</translation>
    </message>
    <message>
        <location filename="../inventory_edit/device_dialog.py" line="224" />
        <source>A device's name identifies its configuration history and audit records; it cannot change once stored.</source>
        <translation>设备名称是其配置历史和审计记录的标识，保存后不能更改。</translation>
    </message>
</context>
<context>
    <name>DevicePicker</name>
    <message>
        <location filename="../inventory_edit/device_picker.py" line="41" />
        <source>No device named {name} in the inventory.</source>
        <translation>资产清单中没有名为 {name} 的设备。</translation>
    </message>
</context>
<context>
    <name>DeviceRemoval</name>
    <message>
        <location filename="../inventory_edit/removal.py" line="34" />
        <source>Deleted with it: {links} links, {changes} state changes (its availability history), {alarms} alarms, {samples} polling samples, its current status, discovered neighbours and map position.</source>
        <translation>将随之删除：{links} 条链路、{changes} 条状态变化（其可用性历史）、{alarms} 条告警、{samples} 条轮询采样，以及其当前状态、发现的邻居和地图位置。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="37" />
        <source>Kept: its {configs} stored configuration versions and every audit record.</source>
        <translation>将保留：已存储的 {configs} 个配置版本和全部审计记录。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="50" />
        <source>Remove device</source>
        <translation>删除设备</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="51" />
        <source>Remove {name} from the inventory? This cannot be undone.</source>
        <translation>从资产清单中删除 {name}？此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="53" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../inventory_edit/removal.py" line="69" />
        <source>Device {name} removed.</source>
        <translation>设备 {name} 已删除。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="86" />
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="87" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="87" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="87" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="88" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="89" />
        <source>Create the sites the file names that are not in the site tree (otherwise rows naming them are rejected)</source>
        <translation>创建文件中提到但站点树中没有的站点（否则引用这些站点的行将被拒绝）</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="92" />
        <source>Import the devices of {file}. Bad rows are rejected one by one; good rows are stored; devices not named in the file stay as they are.</source>
        <translation>导入 {file} 中的设备。错误的行逐行拒绝，正确的行予以存储；文件中未列出的设备保持不变。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="96" />
        <source>The import did not run: {error}</source>
        <translation>导入未执行：{error}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="99" />
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="108" />
        <source>Nothing was stored: {error}</source>
        <translation>未存储任何内容：{error}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="109" />
        <source>{stored} of {rows} rows stored ({added} devices added, {updated} updated); file read as {encoding}.</source>
        <translation>{rows} 行中已存储 {stored} 行（新增 {added} 台设备，更新 {updated} 台）；文件编码为 {encoding}。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="115" />
        <source>{n} rows were rejected and nothing from them was stored; every problem is listed below.</source>
        <translation>{n} 行被拒绝，其中的内容均未存储；所有问题列于下方。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="122" />
        <source>New sites created: {sites}</source>
        <translation>新建的站点：{sites}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="126" />
        <source>Devices added: {devices}</source>
        <translation>新增的设备：{devices}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="131" />
        <source>Stored devices changed by the file (name and fields): {devices}</source>
        <translation>被文件修改的已有设备（名称及字段）：{devices}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="127" />
        <location filename="../inventory_edit/import_dialog.py" line="132" />
        <source> and {n} more</source>
        <translation>，另有 {n} 台</translation>
    </message>
    <message>
        <location filename="../inventory_edit/import_dialog.py" line="135" />
        <source>Devices already stored and not named in the file are unchanged.</source>
        <translation>已存储但文件中未列出的设备保持不变。</translation>
    </message>
</context>
<context>
    <name>InventoryEditScreen</name>
    <message>
        <location filename="../inventory_edit/screen.py" line="81" />
        <source>Editing the inventory needs the engineer role or higher.</source>
        <translation>编辑资产清单需要工程师或更高角色。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="112" />
        <source>Inventory: {error}</source>
        <translation>资产清单：{error}</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="121" />
        <source>Edit device</source>
        <translation>编辑设备</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="121" />
        <source>Device to edit:</source>
        <translation>要编辑的设备：</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="127" />
        <source>Remove device</source>
        <translation>删除设备</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="127" />
        <source>Device to remove:</source>
        <translation>要删除的设备：</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="148" />
        <location filename="../inventory_edit/screen.py" line="180" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>尚未识别当前操作员，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="158" />
        <source>Device {name} saved.</source>
        <translation>设备 {name} 已保存。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="158" />
        <source>Device {name} added.</source>
        <translation>设备 {name} 已添加。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="172" />
        <source>Import inventory file</source>
        <translation>导入资产清单文件</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="174" />
        <source>Inventory CSV (*.csv)</source>
        <translation>资产清单 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="174" />
        <source>Inventory YAML (*.yaml *.yml)</source>
        <translation>资产清单 YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="199" />
        <source>&amp;Add device…</source>
        <translation>添加设备(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="200" />
        <source>&amp;Edit device…</source>
        <translation>编辑设备(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="201" />
        <source>&amp;Remove device…</source>
        <translation>删除设备(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="202" />
        <source>&amp;Sites…</source>
        <translation>站点(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="203" />
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/screen.py" line="204" />
        <source>Edit inventory record…</source>
        <translation>编辑资产记录…</translation>
    </message>
</context>
<context>
    <name>SitesDialog</name>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="125" />
        <source>province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="125" />
        <source>city</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="125" />
        <source>county</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="126" />
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="126" />
        <source>data centre</source>
        <translation>数据中心</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="135" />
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="136" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="136" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="136" />
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="137" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="138" />
        <source>Kind of a new site</source>
        <translation>新站点的类型</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="139" />
        <source>Add below the chosen site</source>
        <translation>在所选站点下添加</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="140" />
        <source>Rename the chosen site</source>
        <translation>重命名所选站点</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="141" />
        <source>Remove the chosen site…</source>
        <translation>删除所选站点…</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_dialog.py" line="142" />
        <source>name of the new site, or the new name</source>
        <translation>新站点的名称，或新的名称</translation>
    </message>
</context>
<context>
    <name>SitesFlow</name>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="45" />
        <source>the operator is not known yet; try again in a moment</source>
        <translation>尚未识别当前操作员，请稍后再试</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="62" />
        <source>Site {path} added.</source>
        <translation>站点 {path} 已添加。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="66" />
        <source>Site {old} is now {new}.</source>
        <translation>站点 {old} 已改名为 {new}。</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="79" />
        <source>Remove site</source>
        <translation>删除站点</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="80" />
        <source>Remove the site {path} and the {n} empty sites below it?</source>
        <translation>删除站点 {path} 及其下属的 {n} 个空站点？</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="80" />
        <source>Remove the site {path}?</source>
        <translation>删除站点 {path}？</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="82" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../inventory_edit/sites_flow.py" line="90" />
        <source>{n} sites removed: {path} and everything below it.</source>
        <translation>已删除 {n} 个站点：{path} 及其全部下级。</translation>
    </message>
</context>
</TS>