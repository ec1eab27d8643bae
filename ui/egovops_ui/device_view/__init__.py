"""The device view: one device's summary, interfaces, charts, history and actions, as a tab."""
