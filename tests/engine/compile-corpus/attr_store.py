obj.x = 1
obj.y.z = obj.x
del obj.x
