r = -a
r = +a
r = ~a
r = not a
