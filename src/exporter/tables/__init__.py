"""Tables as records have them: the grid spanning cells make, and column widths from content.

Shared by readers, composing, validation, writers and checks; knows no format."""
