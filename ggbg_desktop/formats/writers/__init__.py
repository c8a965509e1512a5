"""Writers: a report, placed by the layout, into one file format."""
