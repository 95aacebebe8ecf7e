"""Writers: each renders an exporter.document.Document to the bytes of one output format."""
