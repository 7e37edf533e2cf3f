x = not None
y = not 0.0
z = ~True
