"""Events: SNMP traps and syslog received by the collector, parsed, matched against rules,
stored and searched (issue 19)."""
