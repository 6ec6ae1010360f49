"""Reports in three steps: collect(store, ...) -> data; build(data, sheet) -> flowables; render.

ReportLab is imported here and in the modules below only: the app imports this package when the
user prints, never at start-up (ReportLab costs 110-180 ms to import)."""
