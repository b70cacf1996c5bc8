// Ops of the index group: one export line per op file.
