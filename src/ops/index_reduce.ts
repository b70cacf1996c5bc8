// Ops of the reduce group: one export line per op file.
