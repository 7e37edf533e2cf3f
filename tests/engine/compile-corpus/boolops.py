r = a and b
r = a or b
r = a and b or c
r = a or b and c or d
