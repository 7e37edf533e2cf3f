raise IndentationError("bad indent", ("cfg.py", 2, 3, "  x = 1\n"))
