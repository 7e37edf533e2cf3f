x, y, z = z, y, x
