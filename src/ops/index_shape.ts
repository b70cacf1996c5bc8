// Ops of the shape group: one export line per op file.
