"""Reading YAML: plain values with the line and column of each, and problems worded for editors."""
