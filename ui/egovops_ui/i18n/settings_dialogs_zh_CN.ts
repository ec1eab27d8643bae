<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="86" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>尚未识别操作员，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="115" />
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="115" />
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="133" />
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="133" />
        <location filename="../settings_dialogs/accounts_dialog.py" line="186" />
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="143" />
        <source>Account {name} added.</source>
        <translation>已添加账号 {name}。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="149" />
        <source>Role of {name} changed.</source>
        <translation>已更改 {name} 的角色。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="154" />
        <source>Account {name} enabled.</source>
        <translation>已启用账号 {name}。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="154" />
        <source>Account {name} disabled.</source>
        <translation>已停用账号 {name}。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="160" />
        <source>Account {name} removed.</source>
        <translation>已删除账号 {name}。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="163" />
        <source>operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="163" />
        <source>engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="164" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="164" />
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="172" />
        <source>Accounts and roles</source>
        <translation>账号与角色</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="173" />
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="173" />
        <location filename="../settings_dialogs/accounts_dialog.py" line="180" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="173" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="173" />
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="177" />
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="178" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="179" />
        <source>Add a local account</source>
        <translation>添加本地账号</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="180" />
        <source>Account name</source>
        <translation>账号名</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="180" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="181" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="184" />
        <source>at least 8 characters of three kinds</source>
        <translation>至少 8 个字符，包含三类字符</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/accounts_dialog.py" line="185" />
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
</context>
<context>
    <name>CredentialProfilesDialog</name>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="136" />
        <source>Profile {name} saved; its secrets are in the system keyring.</source>
        <translation>已保存凭据配置 {name}；其密钥保存在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="146" />
        <source>Delete credential profile</source>
        <translation>删除凭据配置</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="147" />
        <source>Delete {name} and its secrets from the keyring? Devices using it can no longer be polled.</source>
        <translation>从密钥环中删除 {name} 及其密钥？使用它的设备将无法再被轮询。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="155" />
        <source>Profile {name} deleted.</source>
        <translation>已删除凭据配置 {name}。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="172" />
        <source>Credential profiles</source>
        <translation>凭据配置</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="173" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="173" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="173" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="173" />
        <source>Protocols / key file</source>
        <translation>协议 / 私钥文件</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="174" />
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="175" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="176" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/credentials_dialog.py" line="177" />
        <source>Test the selected profile</source>
        <translation>测试所选凭据配置</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../settings_dialogs/general_tab.py" line="56" />
        <source>SLA target (availability)</source>
        <translation>SLA 目标（可用率）</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/general_tab.py" line="57" />
        <source>Reports mark each unit against this target. Changing it needs the supervisor role.</source>
        <translation>报表按此目标评判各单位。修改需要主管角色。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/general_tab.py" line="58" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>MaintenanceTab</name>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="138" />
        <source>Planning maintenance needs the engineer role.</source>
        <translation>计划维护需要工程师角色。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="160" />
        <source>Maintenance window {id} planned.</source>
        <translation>已计划维护窗口 {id}。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="168" />
        <source>Select the window to remove.</source>
        <translation>请选择要删除的窗口。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="175" />
        <source>Maintenance window {id} removed.</source>
        <translation>已删除维护窗口 {id}。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="179" />
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="179" />
        <source>site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="179" />
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="182" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="193" />
        <source>once</source>
        <translation>一次</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="182" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="193" />
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="182" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="193" />
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="184" />
        <source> until {day}</source>
        <translation>，截至 {day}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="187" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="187" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="195" />
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="187" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="195" />
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="187" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="188" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="196" />
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="188" />
        <location filename="../settings_dialogs/maintenance_tab.py" line="196" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="189" />
        <source>Remove selected window</source>
        <translation>删除所选窗口</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="190" />
        <source>Plan a window</source>
        <translation>计划维护窗口</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="195" />
        <source>Device, site or network</source>
        <translation>设备、站点或网络</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="196" />
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="196" />
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="199" />
        <source>until</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/maintenance_tab.py" line="200" />
        <source>Plan window</source>
        <translation>计划窗口</translation>
    </message>
</context>
<context>
    <name>OverridesTab</name>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="107" />
        <source>Choose the site or device the override applies to.</source>
        <translation>请选择该单独设置适用的站点或设备。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="114" />
        <source>Set for {scope}; click Save to store it.</source>
        <translation>已为 {scope} 设置；点击“保存”后生效。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="119" />
        <source>Select the override to remove.</source>
        <translation>请选择要删除的单独设置。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="124" />
        <source>Removed; click Save to store it.</source>
        <translation>已删除；点击“保存”后生效。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="127" />
        <source>site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="127" />
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="130" />
        <source>Status every (s)</source>
        <translation>状态间隔（秒）</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="130" />
        <source>Interfaces every (s)</source>
        <translation>接口间隔（秒）</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="130" />
        <source>Health every (s)</source>
        <translation>健康间隔（秒）</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="131" />
        <source>Timeout (s)</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="131" />
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="134" />
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="139" />
        <source>Remove selected override</source>
        <translation>删除所选单独设置</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="140" />
        <source>Set a value for a site (and everything below it) or a device</source>
        <translation>为站点（及其下所有站点）或设备设置数值</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="141" />
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/overrides_tab.py" line="142" />
        <source>A device's own value beats its sites'; a deeper site's beats its ancestors'.</source>
        <translation>设备自身的设置优先于其所在站点；下级站点的设置优先于上级站点。</translation>
    </message>
</context>
<context>
    <name>PollingTab</name>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="23" />
        <source>A running poller takes saved settings up at the start of its next cycle.</source>
        <translation>正在运行的轮询进程会在下一个轮询周期开始时采用已保存的设置。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="85" />
        <source>How often</source>
        <translation>采集频率</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="86" />
        <source>Timeouts and concurrency</source>
        <translation>超时与并发</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="88" />
        <source>Status (reachability) every</source>
        <translation>状态（可达性）采集间隔</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="88" />
        <source>Interfaces every</source>
        <translation>接口采集间隔</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="89" />
        <source>Health (CPU, memory, temperature) every</source>
        <translation>健康（CPU、内存、温度）采集间隔</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="89" />
        <source>Timeout per request</source>
        <translation>每次请求超时</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="90" />
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="90" />
        <source>Devices polled at once</source>
        <translation>同时轮询的设备数</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="91" />
        <source>Devices walked at once (interfaces, health)</source>
        <translation>同时遍历的设备数（接口、健康）</translation>
    </message>
</context>
<context>
    <name>ProbeRow</name>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="63" />
        <source>Choose a device to test the profile against.</source>
        <translation>请选择用于测试该凭据的设备。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="73" />
        <source>Testing on {device}…</source>
        <translation>正在 {device} 上测试…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="81" />
        <source>OK: {device} answered ({detail}) in {seconds:.1f} s</source>
        <translation>成功：{device} 已应答（{detail}），用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="82" />
        <source>Timeout: {device} did not answer. {detail}</source>
        <translation>超时：{device} 未应答。{detail}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="83" />
        <source>Authentication failed on {device}. {detail}</source>
        <translation>{device} 认证失败。{detail}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="84" />
        <source>Host key not trusted for {device}. {detail}</source>
        <translation>{device} 的主机密钥未被信任。{detail}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="85" />
        <source>Failed on {device}. {detail}</source>
        <translation>{device} 测试失败。{detail}</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="96" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="97" />
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="98" />
        <source>device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/probe_row.py" line="99" />
        <source>SNMP: read sysName; SSH: log in. Runs in the background.</source>
        <translation>SNMP：读取 sysName；SSH：登录。在后台运行。</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="108" />
        <source>SSH private key</source>
        <translation>SSH 私钥</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="143" />
        <source>The operator is not known yet; try again in a moment.</source>
        <translation>尚未识别操作员，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="153" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="187" />
        <source>Edit credential profile</source>
        <translation>编辑凭据配置</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="187" />
        <source>New credential profile</source>
        <translation>新建凭据配置</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="189" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="189" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="189" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="190" />
        <source>Authentication protocol</source>
        <translation>认证协议</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="190" />
        <source>Privacy protocol</source>
        <translation>加密协议</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="191" />
        <source>Private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="191" />
        <source>Community</source>
        <translation>团体名</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="192" />
        <source>Authentication key</source>
        <translation>认证密钥</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="192" />
        <source>Privacy key</source>
        <translation>加密密钥</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="193" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="193" />
        <source>Key passphrase</source>
        <translation>私钥口令</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="194" />
        <source>Enable/super password (optional)</source>
        <translation>enable/super 密码（可选）</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="198" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="199" />
        <source>stored — leave empty to keep</source>
        <translation>已保存——留空则保持不变</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/profile_form.py" line="203" />
        <source>Secrets go straight to the system keyring; they are never stored in the database and never shown again.</source>
        <translation>密钥直接存入系统密钥环，绝不写入数据库，也不会再次显示。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="100" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="110" />
        <source>Saved {n} change(s).</source>
        <translation>已保存 {n} 项更改。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="110" />
        <source>Nothing changed.</source>
        <translation>没有更改。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="123" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="124" />
        <source>Polling</source>
        <translation>轮询</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="124" />
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="124" />
        <source>Per site and device</source>
        <translation>按站点和设备</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="125" />
        <source>SLA and language</source>
        <translation>SLA 与语言</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/settings_dialog.py" line="125" />
        <source>Maintenance windows</source>
        <translation>维护窗口</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../settings_dialogs/screen.py" line="70" />
        <source>Accounts and roles</source>
        <translation>账号与角色</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="71" />
        <source>Managing accounts needs the admin role.</source>
        <translation>管理账号需要管理员角色。</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="77" />
        <source>Credential profiles…</source>
        <translation>凭据配置…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="78" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="79" />
        <source>Accounts and roles…</source>
        <translation>账号与角色…</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/screen.py" line="80" />
        <source>Admins only</source>
        <translation>仅限管理员</translation>
    </message>
</context>
<context>
    <name>ThresholdsTab</name>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="127" />
        <source>CPU above</source>
        <translation>CPU 高于</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="127" />
        <source>Memory above</source>
        <translation>内存高于</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="128" />
        <source>Temperature above</source>
        <translation>温度高于</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="128" />
        <source>Interface errors and discards above</source>
        <translation>接口错误和丢弃高于</translation>
    </message>
    <message>
        <location filename="../settings_dialogs/polling_tab.py" line="132" />
        <source>A device over a threshold is shown degraded and raises an alarm.</source>
        <translation>超过阈值的设备显示为性能下降并产生告警。</translation>
    </message>
</context>
</TS>