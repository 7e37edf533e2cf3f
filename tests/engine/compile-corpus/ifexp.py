r = a if b else c
r = (a if b else c) + 1
