a = x[1:2]
b = x[None:None]
c = x[:-1]
