o.a += 1
o.b.c *= 2
