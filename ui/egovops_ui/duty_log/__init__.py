"""The duty log (值班日志) screen: shifts, notes and the handover summary for the next engineer."""
