// Ops of the elementwise group: one export line per op file.
