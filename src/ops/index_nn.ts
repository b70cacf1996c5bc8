// Ops of the nn group: one export line per op file.
